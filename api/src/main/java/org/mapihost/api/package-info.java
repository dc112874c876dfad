/**
 * The client side of mapihost's MAPI: the {@link org.mapihost.api.Mapi} service, sessions,
 * store and entry handles, and the values every part shares (MAPIUIDs, entry IDs, status
 * rows, flags and result codes).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.api;

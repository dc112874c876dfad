/**
 * A small provider kit: base classes that keep MAPI's shutdown rules so a provider author
 * cannot get them wrong.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.api.kit;

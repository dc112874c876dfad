/**
 * For operators and tests: the provider libraries the runtime knows (mapihost's
 * {@code MAPISVC.INF} and its {@code LoadLibrary}/{@code FreeLibrary}), and the leak report.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.api.admin;

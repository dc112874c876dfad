/**
 * Provider libraries (issue 3; DESIGN.md §3 rules 4 and 5, docs/CONTRACTS.md "Provider libraries"),
 * tested inside Felix: the runtime indexes a providers folder the build fills
 * ({@code target/providers}: the library {@code org.mapihost.itests.library} 1.0.0 and every bad
 * input), loads and frees the library, hot-unloads and updates it while in use, and drains calls
 * in flight. The recording providers, installed the ordinary way, are "the rest" a session keeps.
 * The services named here are what the tests need; the resolver pulls in what provides them.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.Mapi)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.trace.ProtocolTrace)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.admin.ProviderLibraries)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.itests.recording.RecordingLog)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.event.EventAdmin)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.log.LogReaderService)", effective = "active")
package org.mapihost.itests.libraries;

import org.osgi.annotation.bundle.Requirement;

/**
 * The soak (issue 6, item 1): two clients cycle sessions with the real providers while the peer
 * transport is hot-updated through the providers folder every 50 ms; the protocol trace,
 * streamed through state machines as it is published, must show every shutdown rule held, and
 * a watchdog, the leak report and the heap after GC judge the rest. The services named here are
 * what the test needs; the resolver pulls in what provides them.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.Mapi)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.trace.ProtocolTrace)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.admin.ProviderLibraries)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.event.EventAdmin)", effective = "active")
package org.mapihost.itests.soak;

import org.osgi.annotation.bundle.Requirement;

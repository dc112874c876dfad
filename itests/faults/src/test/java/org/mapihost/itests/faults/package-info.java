/**
 * Fault injection (issue 6): the runtime with the faulty providers inside Felix. Every fault a
 * provider can commit is recorded as a {@code Violation}, the runtime's state stays consistent,
 * every wait is bounded, and other sessions go on. The services named here are what the tests
 * need; the resolver pulls in what provides them.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.Mapi)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.trace.ProtocolTrace)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.admin.ProviderLibraries)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.itests.faulty.FaultControl)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", effective = "active")
package org.mapihost.itests.faults;

import org.osgi.annotation.bundle.Requirement;

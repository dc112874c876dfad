/**
 * The spooler and the real sample providers inside Felix (DESIGN.md §7): StoreLogoff flags with
 * traffic in progress and idle, delivery between two profiles, non-delivery reports, recovery of
 * an Outbox after a logoff, address-book resolution and entry-ID attacks on the store.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.Mapi)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.trace.ProtocolTrace)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", effective = "active")
package org.mapihost.itests.mail;

import org.osgi.annotation.bundle.Requirement;

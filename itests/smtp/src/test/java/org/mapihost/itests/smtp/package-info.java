/**
 * The SMTP transport inside Felix against a live GreenMail, started from its standalone jar as a
 * process beside the framework: a message from the Maildir store arrives and the connection ends
 * with {@code QUIT} at {@code TransportLogoff}; a refused or dropped connection leaves the message
 * in the Outbox, shows in the transport's status row, and the message goes once the server is back.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.Mapi)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.trace.ProtocolTrace)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", effective = "active")
package org.mapihost.itests.smtp;

import org.osgi.annotation.bundle.Requirement;

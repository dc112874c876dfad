/**
 * Protocol conformance of the mapihost runtime (DESIGN.md §3, docs/CONTRACTS.md), tested inside
 * Felix with the recording providers. The services named here are what the tests need; the
 * resolver pulls in what provides them.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.Mapi)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.api.trace.ProtocolTrace)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.mapihost.itests.recording.RecordingLog)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", effective = "active")
package org.mapihost.itests.conformance;

import org.osgi.annotation.bundle.Requirement;

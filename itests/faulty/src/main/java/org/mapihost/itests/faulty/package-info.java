/**
 * Fault-injection test providers: a message store, an address book and a transport whose every
 * method can be told by its profile entry ({@link org.mapihost.itests.faulty.FaultyProviders#FAULTS})
 * to throw, hang, answer an error code, call {@code StoreLogoffTransports} twice or never,
 * release its support object twice or never, or call it after {@code Shutdown}; and the
 * {@link org.mapihost.itests.faulty.FaultControl} service through which a test lets hung calls go.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.itests.faulty;

/**
 * Recording test providers: a message store, an address book and a transport that keep their
 * own log of the calls they receive and make ({@link org.mapihost.itests.recording.RecordingLog}),
 * note every protocol breach they see from the runtime, and misbehave when their profile
 * entry asks them to ({@link org.mapihost.itests.recording.RecordingProviders#FAULT}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.itests.recording;

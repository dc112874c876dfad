/**
 * The valve transport: a test transport provider whose {@code SubmitMessage} the test can hold
 * in progress, fail, or let through ({@link org.mapihost.itests.valve.Valve}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.itests.valve;

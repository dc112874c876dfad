/**
 * What the in-framework test bundles share: the protocol trace as a list to query
 * ({@link org.mapihost.itests.testkit.Trace}), a watch that waits for trace steps
 * ({@link org.mapihost.itests.testkit.TraceWatch}), the Surefire-style summary line
 * ({@link org.mapihost.itests.testkit.SurefireSummary}), and waits for configurations and
 * profiles to be taken up ({@link org.mapihost.itests.testkit.ConfigurationWaits}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mapihost.itests.testkit;

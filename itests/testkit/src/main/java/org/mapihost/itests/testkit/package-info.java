/**
 * What the in-framework test bundles share: the protocol trace as a list to query
 * ({@link org.mapihost.itests.testkit.Trace}), a watch that waits for trace steps
 * ({@link org.mapihost.itests.testkit.TraceWatch}), the Surefire-style summary line
 * ({@link org.mapihost.itests.testkit.SurefireSummary}), waits for configurations and
 * profiles to be taken up ({@link org.mapihost.itests.testkit.ConfigurationWaits}), and client
 * bundles made in memory ({@link org.mapihost.itests.testkit.ClientBundles}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.mapihost.itests.testkit;

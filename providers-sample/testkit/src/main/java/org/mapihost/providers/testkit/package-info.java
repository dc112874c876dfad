/** What the sample providers' unit tests share. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.providers.testkit;

/**
 * A provider library for the library tests (issue 3): a message store, an address book and a
 * transport in one bundle, built twice — as version 1.0.0 and 2.0.0 of
 * {@code org.mapihost.itests.library} — from these sources. Every status row and every opened
 * object names the bundle version that serves it, and each step a test must see in order is told
 * to the test through {@link org.mapihost.itests.lib.Probe}. Nothing is exported: a test bundle
 * wired to the library would be refreshed with it.
 */
package org.mapihost.itests.lib;

/**
 * The protocol trace: every MAPI step the runtime makes or sees, in order, as
 * {@link org.mapihost.api.trace.TraceEvent}s — kept in memory, written as JSON lines to the
 * file named by {@code -Dmapihost.trace}, and posted on EventAdmin.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.api.trace;

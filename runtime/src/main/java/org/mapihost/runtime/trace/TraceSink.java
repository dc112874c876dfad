package org.mapihost.runtime.trace;

import org.mapihost.api.trace.TraceEvent;

/** Receives finished trace events, in sequence order, on the recorder's lock. */
interface TraceSink extends AutoCloseable {
	void accept(TraceEvent event);

	@Override
	default void close() {
	}
}

package org.mapihost.api.trace;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's in-memory protocol trace, for tests and tools. Events come in
 * {@link TraceEvent#seq()} order; a step is listed once it has finished (a step's inner steps
 * finish first, so they are held back until it has).
 *
 * @since 1.0
 */
@ProviderType
public interface ProtocolTrace {
	/** EventAdmin topic prefix; the rest is the call with {@code ::} as {@code /}. */
	String TOPIC_PREFIX = "org/mapihost/trace/";
	/** EventAdmin topic of every event: {@code org/mapihost/trace/*} matches all. */
	String TOPIC_ALL = TOPIC_PREFIX + "*";
	/** Framework property: the file the trace is written to as JSON lines. */
	String TRACE_FILE_PROPERTY = "mapihost.trace";

	/**
	 * @return the events kept (the newest, up to the configured capacity)
	 */
	List<TraceEvent> events();

	/**
	 * @param seq a sequence number, for example from {@link #lastSeq()}
	 * @return the kept events with a larger sequence number
	 */
	List<TraceEvent> since(long seq);

	/**
	 * @return the sequence number of the last finished step, 0 before any
	 */
	long lastSeq();

	/**
	 * @return whether events are being recorded
	 */
	boolean isRecording();

	/**
	 * Turns recording on or off (to memory, file and EventAdmin alike).
	 *
	 * @param on {@code true} to record
	 */
	void setRecording(boolean on);
}

package org.mapihost.runtime.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.api.trace.TraceEvent;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts each event asynchronously on EventAdmin under {@code org/mapihost/trace/<call>}. */
final class EventAdminSink implements TraceSink {
	/** Topics by call: the calls are a small fixed set, and a regex per event was a hot spot of hot unloads (bench). */
	private static final Map<String, String> TOPICS = new ConcurrentHashMap<>();

	private final EventAdmin eventAdmin;

	EventAdminSink(EventAdmin eventAdmin) {
		this.eventAdmin = eventAdmin;
	}

	static String topic(String call) {
		return TOPICS.computeIfAbsent(call, EventAdminSink::toTopic);
	}

	private static String toTopic(String call) {
		return ProtocolTrace.TOPIC_PREFIX + call.replace("::", "/").replaceAll("[^A-Za-z0-9_\\-/]", "_");
	}

	@Override
	public void accept(TraceEvent event) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("seq", event.seq());
		properties.put("parent", event.parent());
		properties.put("call", event.call());
		properties.put("flags", event.flags().toArray(new String[0]));
		properties.put("result", event.result());
		putIfSet(properties, "session", event.session());
		putIfSet(properties, "provider", event.provider());
		putIfSet(properties, "object", event.object());
		putIfSet(properties, "detail", event.detail());
		eventAdmin.postEvent(new Event(topic(event.call()), properties));
	}

	private static void putIfSet(Map<String, Object> properties, String key, String value) {
		if (value != null) {
			properties.put(key, value);
		}
	}
}

package org.mapihost.runtime.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.api.trace.TraceEvent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The protocol trace (DESIGN.md §5). Steps get their sequence number when they begin and are
 * published, in sequence order, once they and every earlier step have ended — so a call's
 * inner calls, which end first, still come after it. Each thread's open steps form a stack
 * that gives new steps their {@code parent}.
 * <p>
 * Concurrency: {@code lock} guards the sequence counters, the pending map, the memory ring
 * and the sinks' order of delivery.
 */
@Component(service = { ProtocolTrace.class, TraceRecorder.class }, immediate = true,
		configurationPid = "org.mapihost.trace")
public class TraceRecorder implements ProtocolTrace {
	/** Configuration of the trace. */
	public @interface Config {
		/** How many events the in-memory trace keeps. */
		int capacity() default 100_000;

		/** Whether recording starts on. */
		boolean recording() default true;
	}

	private static final Step NOT_RECORDED = null;
	/**
	 * EventHandlers whose {@code event.topics} can match a trace topic (in LDAP, a star at the
	 * end is a prefix match, an escaped one a literal star). Events are posted only while there is
	 * one: a post hands each step to EventAdmin's threads, the largest part of a traced session
	 * cycle when nobody listens (bench).
	 */
	static final String SUBSCRIBERS = "(|(event.topics=" + TOPIC_PREFIX + "*)(event.topics=org/mapihost/\\*)"
			+ "(event.topics=org/\\*)(event.topics=\\*))";

	private final Object lock = new Object();
	private final ThreadLocal<Deque<Step>> openSteps = ThreadLocal.withInitial(ArrayDeque::new);
	private final TreeMap<Long, TraceEvent> pending = new TreeMap<>();
	private final ArrayDeque<TraceEvent> memory = new ArrayDeque<>();
	private final List<TraceSink> sinks = new CopyOnWriteArrayList<>();
	private long nextSeq = 1;
	private long nextToPublish = 1;
	private long lastPublished;
	private int capacity;
	private volatile boolean recording;
	private volatile EventAdminSink eventAdminSink;
	private final AtomicInteger subscribers = new AtomicInteger();

	@Reference(service = LoggerFactory.class)
	Logger log;

	/** For tests outside a framework. */
	public TraceRecorder(int capacity, Logger log) {
		this.capacity = Math.max(1, capacity);
		this.recording = true;
		this.log = log;
	}

	/** For DS. */
	public TraceRecorder() {
	}

	@Activate
	void activate(BundleContext context, Config config) {
		capacity = Math.max(1, config.capacity());
		recording = config.recording();
		String file = context.getProperty(TRACE_FILE_PROPERTY);
		if (file != null && !file.isBlank()) {
			try {
				FileSink sink = new FileSink(Path.of(file));
				sinks.add(sink);
				log.info("Writing the protocol trace to {}", sink.file().toAbsolutePath());
			} catch (IOException | RuntimeException e) {
				log.error("Cannot write the protocol trace to {}: {}", file, e.toString());
			}
		}
	}

	/** Capacity and recording change in place; the events kept so far stay (the oldest go first). */
	@Modified
	void modified(Config config) {
		synchronized (lock) {
			capacity = Math.max(1, config.capacity());
			while (memory.size() > capacity) {
				memory.removeFirst();
			}
		}
		recording = config.recording();
	}

	@Deactivate
	void deactivate() {
		for (TraceSink sink : sinks) {
			try {
				sink.close();
			} catch (RuntimeException e) {
				log.warn("Closing a trace sink failed: {}", e.toString());
			}
		}
		sinks.clear();
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void bindEventAdmin(EventAdmin eventAdmin) {
		eventAdminSink = new EventAdminSink(eventAdmin);
	}

	void unbindEventAdmin(EventAdmin eventAdmin) {
		eventAdminSink = null;
	}

	@Reference(service = EventHandler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			target = SUBSCRIBERS)
	void bindSubscriber(ServiceReference<EventHandler> handler) {
		subscribers.incrementAndGet();
	}

	void unbindSubscriber(ServiceReference<EventHandler> handler) {
		subscribers.decrementAndGet();
	}

	/**
	 * Begins a step on this thread; a step already open on this thread becomes its parent.
	 *
	 * @return the step, or {@code null} when recording is off ({@link #end} accepts null)
	 */
	public Step begin(String call, String session, String provider, String object, List<String> flags) {
		if (!recording) {
			return NOT_RECORDED;
		}
		Deque<Step> stack = openSteps.get();
		Step parent = stack.peekLast();
		List<String> flagNames = List.copyOf(flags);
		Step step;
		synchronized (lock) {
			step = new Step(this, nextSeq++, parent, call, session, provider, object, flagNames);
		}
		stack.addLast(step);
		return step;
	}

	/** The innermost step open on this thread, or null. */
	public Step current() {
		return openSteps.get().peekLast();
	}

	/**
	 * Makes a step begun on another thread the parent of this thread's next steps: a rescue
	 * thread that finishes a sequence nests its steps where the stuck thread would have.
	 */
	public void adopt(Step step) {
		if (step != null) {
			openSteps.get().addLast(step);
		}
	}

	/** Undoes {@link #adopt}; also what a thread does with a step another thread has ended. */
	public void leave(Step step) {
		if (step != null) {
			openSteps.get().removeLastOccurrence(step);
		}
	}

	/** Ends a step (null-safe, for steps begun while recording was off). */
	public static void end(Step step, ResultCode result, String detail) {
		if (step != null) {
			step.end(result, detail);
		}
	}

	/** Records a step that begins and ends at once. */
	public void instant(String call, String session, String provider, String object, List<String> flags,
			ResultCode result, String detail) {
		end(begin(call, session, provider, object, flags), result, detail);
	}

	/** Records a protocol violation and logs it. */
	public void violation(String session, String provider, String object, String detail) {
		log.warn("Protocol violation by provider {} (session {}, object {}): {}", provider, session, object, detail);
		instant(TraceEvent.VIOLATION, session, provider, object, List.of(), ResultCode.MAPI_E_CALL_FAILED, detail);
	}

	void ended(Step step, ResultCode result, String detail) {
		openSteps.get().removeLastOccurrence(step);
		TraceEvent event = new TraceEvent(step.seq, step.parent, step.call, step.session, step.provider, step.object,
				step.flags, result.name(), detail);
		synchronized (lock) {
			if (step.seq == nextToPublish) {
				// an outermost step, or one whose earlier steps have all ended: no detour through the pending map
				publish(event);
				nextToPublish++;
			} else {
				pending.put(step.seq, event);
			}
			while (!pending.isEmpty() && pending.firstKey() == nextToPublish) {
				publish(pending.pollFirstEntry().getValue());
				nextToPublish++;
			}
		}
	}

	private void publish(TraceEvent event) {
		lastPublished = event.seq();
		if (memory.size() == capacity) {
			memory.removeFirst();
		}
		memory.addLast(event);
		for (TraceSink sink : sinks) {
			try {
				sink.accept(event);
			} catch (RuntimeException e) {
				sinks.remove(sink);
				log.error("Trace sink failed and was removed: {}", e.toString());
			}
		}
		EventAdminSink eventAdmin = eventAdminSink;
		if (eventAdmin != null && subscribers.get() > 0) {
			try {
				eventAdmin.accept(event);
			} catch (RuntimeException e) {
				log.warn("Posting trace event {} failed: {}", event.seq(), e.toString());
			}
		}
	}

	@Override
	public List<TraceEvent> events() {
		synchronized (lock) {
			return new ArrayList<>(memory);
		}
	}

	@Override
	public List<TraceEvent> since(long seq) {
		List<TraceEvent> events = new ArrayList<>();
		synchronized (lock) {
			for (TraceEvent event : memory) {
				if (event.seq() > seq) {
					events.add(event);
				}
			}
		}
		return events;
	}

	@Override
	public long lastSeq() {
		synchronized (lock) {
			return lastPublished;
		}
	}

	@Override
	public boolean isRecording() {
		return recording;
	}

	@Override
	public void setRecording(boolean on) {
		recording = on;
	}
}

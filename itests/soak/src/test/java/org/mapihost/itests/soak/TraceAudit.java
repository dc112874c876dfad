package org.mapihost.itests.soak;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.api.trace.TraceEvent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Streams the protocol trace, as the runtime publishes it on EventAdmin, into
 * {@link ShutdownRules}. EventAdmin delivers asynchronous events of different posting threads
 * on different threads, so they may come out of order: each waits here until every earlier
 * {@code seq} has been fed. Nothing but that small reorder buffer is kept.
 * Concurrency: {@code this} guards the buffer and the rules.
 */
final class TraceAudit implements EventHandler, AutoCloseable {
	private final TreeMap<Long, TraceEvent> early = new TreeMap<>();
	private final ShutdownRules rules = new ShutdownRules();
	private final ServiceRegistration<EventHandler> registration;
	private long next;
	private int mostEarly;

	private TraceAudit(BundleContext context, long after) {
		this.next = after + 1;
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, ProtocolTrace.TOPIC_ALL);
		this.registration = context.registerService(EventHandler.class, this, properties);
	}

	/** Audits every step after {@code after} (a {@code seq}, e.g. the trace's last before the soak). */
	static TraceAudit start(BundleContext context, long after) {
		return new TraceAudit(context, after);
	}

	@Override
	public void handleEvent(Event event) {
		TraceEvent step = step(event);
		synchronized (this) {
			if (step.seq() < next) {
				return;
			}
			early.put(step.seq(), step);
			mostEarly = Math.max(mostEarly, early.size());
			boolean fed = false;
			while (!early.isEmpty() && early.firstKey() == next) {
				rules.accept(early.pollFirstEntry().getValue());
				next++;
				fed = true;
			}
			if (fed) {
				notifyAll();
			}
		}
	}

	/** Waits until every step up to {@code seq} has been fed to the rules; returns whether it was. */
	synchronized boolean awaitFed(long seq, long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		while (next <= seq) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return false;
			}
			wait(left);
		}
		return true;
	}

	synchronized long fedUpTo() {
		return next - 1;
	}

	/** How many steps waited here for an earlier one at most: the reorder buffer's high-water mark. */
	synchronized int mostEarly() {
		return mostEarly;
	}

	synchronized void finish() {
		rules.finish();
	}

	synchronized Map<String, Long> counts() {
		return rules.counts();
	}

	synchronized long count(String what) {
		return rules.count(what, 0);
	}

	synchronized long problemCount() {
		return rules.problemCount();
	}

	synchronized List<String> problems() {
		return rules.problems();
	}

	synchronized int liveState() {
		return rules.liveState() + early.size();
	}

	private static TraceEvent step(Event event) {
		Object flags = event.getProperty("flags");
		return new TraceEvent((Long) event.getProperty("seq"), (Long) event.getProperty("parent"), (String) event.getProperty("call"),
				(String) event.getProperty("session"), (String) event.getProperty("provider"), (String) event.getProperty("object"),
				flags instanceof String[] names ? Arrays.asList(names) : List.of(), (String) event.getProperty("result"),
				(String) event.getProperty("detail"));
	}

	@Override
	public void close() {
		try {
			registration.unregister();
		} catch (IllegalStateException e) {
			// already gone with the framework
		}
	}
}

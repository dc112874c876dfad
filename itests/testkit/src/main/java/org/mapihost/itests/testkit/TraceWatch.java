package org.mapihost.itests.testkit;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;

import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.api.trace.TraceEvent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Waits for a step of the protocol trace: an {@link EventHandler} on the runtime's trace topics
 * wakes the waiter whenever a step is published, and the waiter looks in the in-memory trace
 * (which the runtime fills before it posts the event). Registered per test, closed after it.
 * Concurrency: {@code this} is the monitor the handler notifies.
 */
public final class TraceWatch implements EventHandler, AutoCloseable {
	/** The longest a waiter goes without looking, should an event never come (no EventAdmin bound yet). */
	private static final long RECHECK_MILLIS = 200;

	private final ProtocolTrace trace;
	private final ServiceRegistration<EventHandler> registration;

	private TraceWatch(BundleContext context, ProtocolTrace trace) {
		this.trace = trace;
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, ProtocolTrace.TOPIC_ALL);
		this.registration = context.registerService(EventHandler.class, this, properties);
	}

	public static TraceWatch open(BundleContext context, ProtocolTrace trace) {
		return new TraceWatch(context, trace);
	}

	@Override
	public synchronized void handleEvent(Event event) {
		notifyAll();
	}

	/**
	 * Waits until a step after {@code mark} matches, and returns it.
	 *
	 * @throws AssertionError when none comes within the timeout
	 */
	public TraceEvent await(long mark, String what, long timeoutMillis, Predicate<TraceEvent> matches) {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		synchronized (this) {
			while (true) {
				List<TraceEvent> since = trace.since(mark);
				for (TraceEvent event : since) {
					if (matches.test(event)) {
						return event;
					}
				}
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					throw new AssertionError("no step " + what + " in the trace within " + timeoutMillis + " ms; it was\n"
							+ new Trace(since) + stalled());
				}
				try {
					wait(Math.min(left, RECHECK_MILLIS));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new AssertionError("interrupted while waiting for " + what, e);
				}
			}
		}
	}

	/** Waits at most {@code millis} for a step after {@code mark} that matches; returns whether one came. */
	public boolean awaitBriefly(long mark, long millis, Predicate<TraceEvent> matches) {
		long deadline = System.nanoTime() + millis * 1_000_000;
		synchronized (this) {
			while (trace.since(mark).stream().noneMatch(matches)) {
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return false;
				}
				try {
					wait(Math.min(left, RECHECK_MILLIS));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	/** Waits until the slice after {@code mark} is {@code done}, and returns it. */
	public Trace awaitSlice(long mark, String what, long timeoutMillis, Predicate<Trace> done) {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		synchronized (this) {
			while (true) {
				Trace slice = new Trace(trace.since(mark));
				if (done.test(slice)) {
					return slice;
				}
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					throw new AssertionError("waited " + timeoutMillis + " ms for " + what + "; the trace was\n" + slice + stalled());
				}
				try {
					wait(Math.min(left, RECHECK_MILLIS));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new AssertionError("interrupted while waiting for " + what, e);
				}
			}
		}
	}

	/** Waits for a step of this call after {@code mark}. */
	public TraceEvent await(long mark, String call, long timeoutMillis) {
		return await(mark, call, timeoutMillis, e -> e.call().equals(call));
	}

	/**
	 * For a timeout's message: the runtime publishes a step only when it and every earlier step
	 * have ended, so one step that never ends stops the whole trace. Where are the threads that
	 * are in the runtime's code now?
	 */
	private String stalled() {
		StringBuilder text = new StringBuilder("\n(last published step ").append(trace.lastSeq())
				.append("; threads in the runtime now:");
		Thread.getAllStackTraces().forEach((thread, frames) -> {
			if (Arrays.stream(frames).anyMatch(f -> f.getClassName().startsWith("org.mapihost.runtime"))) {
				text.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
				Arrays.stream(frames).limit(25).forEach(f -> text.append("\n    at ").append(f));
			}
		});
		return text.append(')').toString();
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

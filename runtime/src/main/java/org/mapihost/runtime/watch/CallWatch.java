package org.mapihost.runtime.watch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.mapihost.api.ResultCode;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.osgi.service.log.Logger;

/**
 * Bounds every wait on provider code without a thread hand-off on the normal path (docs/CONTRACTS.md,
 * "Hung and faulty providers"). A provider call runs on its caller's thread and only registers
 * here: a few writes to its thread's own slot. One watchdog thread looks at the slots; a call that
 * has run longer than the timeout is abandoned: its trace step ends with {@code MAPI_E_TIMEOUT}, a
 * {@code Violation} names the provider, the call and when it began, the thread is interrupted, and
 * if the call was a step of a {@link Sequence}, a rescue thread runs the rest of it (and of the
 * sequences around it). Concurrency: a slot's plain fields belong to its thread; the watchdog
 * reads {@code current} and decides through {@link InFlight}'s lock.
 */
public final class CallWatch implements AutoCloseable {
	/** The default time a provider call may take, in milliseconds. */
	public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

	/** One thread's state, written only by that thread except {@code current}, which the watchdog reads. */
	static final class Slot {
		final Thread thread = Thread.currentThread();
		volatile InFlight current;
		int depth;
		Sequence sequence;
		/** A rescue thread took over this thread's sequences: they stop at their next action. */
		boolean detached;
	}

	private final long timeoutMillis;
	private final long timeoutNanos;
	private final TraceRecorder trace;
	private final Logger log;
	private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
	private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::newSlot);
	private final ScheduledExecutorService watchdog;
	private final AtomicLong abandoned = new AtomicLong();
	private final AtomicLong rescues = new AtomicLong();

	public CallWatch(long timeoutMillis, TraceRecorder trace, Logger log) {
		if (timeoutMillis <= 0) {
			throw new IllegalArgumentException("a provider call timeout must be positive, got " + timeoutMillis + " ms");
		}
		this.timeoutMillis = timeoutMillis;
		this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		this.trace = trace;
		this.log = log;
		this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mapihost-call-watch"));
		long period = Math.max(5, Math.min(1_000, timeoutMillis / 10));
		watchdog.scheduleWithFixedDelay(this::scan, period, period, TimeUnit.MILLISECONDS);
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	private Slot newSlot() {
		Slot created = new Slot();
		slots.add(created);
		return created;
	}

	Slot slot() {
		return slot.get();
	}

	public long timeoutMillis() {
		return timeoutMillis;
	}

	/** How many calls were abandoned so far. */
	public long abandonedCalls() {
		return abandoned.get();
	}

	/**
	 * A provider call begins on this thread. Only the outermost call of a thread is watched;
	 * returns null for one nested in it. Pair with {@link #exit}.
	 */
	public InFlight enter(String call, String session, String provider, String object, Step step) {
		Slot s = slot.get();
		if (s.depth++ > 0) {
			return null;
		}
		InFlight flight = new InFlight(call, session, provider, object, step, s.thread, s.sequence);
		s.current = flight;
		return flight;
	}

	/**
	 * The call returned (or threw). Returns false when the watchdog gave up on it: its step has
	 * ended, and the interrupt the watchdog sent is cleared.
	 */
	public boolean exit(InFlight flight) {
		Slot s = slot.get();
		s.depth--;
		if (flight == null) {
			return true;
		}
		s.current = null;
		if (flight.answered()) {
			return true;
		}
		Thread.interrupted();
		if (flight.sequence != null) {
			s.detached = true;
		}
		return false;
	}

	/** The provider called the runtime back on this thread: the time until {@link #resume()} is the runtime's. */
	public void pause() {
		InFlight flight = slot.get().current;
		if (flight != null) {
			flight.pause();
		}
	}

	public void resume() {
		InFlight flight = slot.get().current;
		if (flight != null) {
			flight.resume();
		}
	}

	private void scan() {
		long now = System.nanoTime();
		for (Slot s : slots) {
			if (!s.thread.isAlive()) {
				slots.remove(s);
				continue;
			}
			InFlight flight = s.current;
			if (flight != null && flight.overdue(now, timeoutNanos)) {
				try {
					giveUp(flight, now);
				} catch (RuntimeException e) {
					log.error("Giving up on {} of {} failed: {}", flight.call, flight.provider, e.toString());
				}
			}
		}
	}

	private void giveUp(InFlight flight, long now) {
		Thread rescuer = flight.sequence == null ? null
				: daemon(() -> rescue(flight), "mapihost-rescue-" + rescues.incrementAndGet() + "-" + flight.sequence.name());
		// Done under the call's monitor: the stuck thread, once back, finds it all done.
		boolean gaveUp = flight.abandon(() -> {
			for (Sequence s = flight.sequence; s != null; s = s.outer) {
				s.handOver(flight.thread, rescuer);
			}
			long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(now - flight.startNanos);
			Instant began = Instant.now().minusMillis(elapsedMillis).truncatedTo(ChronoUnit.MILLIS);
			TraceRecorder.end(flight.step, ResultCode.MAPI_E_TIMEOUT, "no answer within " + timeoutMillis + " ms; abandoned");
			if (flight.sequence == null && flight.step != null) {
				// A client's call: the steps it is nested in end too, so that the trace publishes on; a sequence's rescuer ends its own.
				for (Step outer = flight.step.parentStep(); outer != null; outer = outer.parentStep()) {
					TraceRecorder.end(outer, ResultCode.MAPI_E_TIMEOUT, flight.call + " of " + flight.provider + " was abandoned");
				}
			}
			trace.violation(flight.session, flight.provider, flight.object, flight.call + " called at " + began
					+ " did not return within " + timeoutMillis + " ms; abandoned, thread " + flight.thread.getName() + " interrupted"
					+ (rescuer == null ? "" : "; the rest of the " + flight.sequence.name() + " goes on on " + rescuer.getName()));
		});
		if (gaveUp) {
			abandoned.incrementAndGet();
			if (rescuer != null) {
				rescuer.start();
			}
		}
	}

	/** On a rescue thread: the rest of the stuck thread's sequences, innermost first. */
	private void rescue(InFlight flight) {
		Slot s = slot.get();
		String why = "finished by the runtime after " + flight.call + " of " + flight.provider + " timed out";
		for (Sequence sequence = flight.sequence; sequence != null; sequence = sequence.outer) {
			s.sequence = sequence;
			trace.adopt(sequence.parent);
			boolean finished = false;
			try {
				finished = sequence.runActions(s);
			} catch (RuntimeException | LinkageError e) {
				log.error("The rest of {} failed on the rescue thread: {}", sequence.name(), e.toString());
			} finally {
				trace.leave(sequence.parent);
			}
			if (s.detached) {
				return;
			}
			sequence.rescued(finished ? why : why + "; the rest failed");
		}
	}

	void warn(String format, Object... arguments) {
		log.warn(format, arguments);
	}

	@Override
	public void close() {
		watchdog.shutdownNow();
	}
}

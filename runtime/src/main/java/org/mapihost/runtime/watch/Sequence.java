package org.mapihost.runtime.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mapihost.api.ResultCode;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;

/**
 * A shutdown sequence (DESIGN.md §3) as a list of actions with a cursor, so that it can change
 * threads half-way: it runs on the caller's thread, and when one of its provider calls is
 * abandoned, the {@link CallWatch} hands the rest (and the lock it runs under) to a rescue
 * thread. Each action runs once, on whichever thread takes it from the cursor. An action is
 * either one provider call or runtime bookkeeping, never both, so a thread that comes back from
 * an abandoned call has nothing left to do. Concurrency: built on one thread before
 * {@link #run()}; afterwards only the cursor changes, and one thread at a time runs actions.
 */
public final class Sequence {
	private final CallWatch watch;
	private final TraceRecorder trace;
	private final String name;
	private final List<Runnable> actions = new ArrayList<>();
	private final AtomicInteger next = new AtomicInteger();
	private final CountDownLatch rescueDone = new CountDownLatch(1);
	private HandOverLock lock;
	private Step closes;
	/** Set when it starts: where a rescue thread picks it up. */
	Step parent;
	Sequence outer;

	public Sequence(CallWatch watch, TraceRecorder trace, String name) {
		this.watch = watch;
		this.trace = trace;
		this.name = name;
	}

	public Sequence add(Runnable action) {
		actions.add(action);
		return this;
	}

	/** The lock the sequence runs under, taken by its caller: a rescue thread takes it over and releases it at the end. */
	public Sequence holding(HandOverLock lock) {
		this.lock = lock;
		return this;
	}

	/** A step its caller would end after it: a rescue thread ends it instead. */
	public Sequence closing(Step step) {
		this.closes = step;
		return this;
	}

	public String name() {
		return name;
	}

	public boolean isEmpty() {
		return actions.isEmpty();
	}

	/**
	 * Runs the actions on this thread. Returns false when a rescue thread took over the rest; it
	 * returns once the rescue thread is done with this sequence (each of its provider calls is
	 * bounded, and so is this wait), so that the caller's own call does not end before its
	 * sequence. The caller then must do nothing more but let go of its locks and steps.
	 */
	public boolean run() {
		CallWatch.Slot slot = watch.slot();
		outer = slot.sequence;
		parent = trace.current();
		slot.sequence = this;
		try {
			if (runActions(slot)) {
				return true;
			}
			awaitRescue();
			return false;
		} finally {
			slot.sequence = outer;
			if (outer == null) {
				slot.detached = false;
			}
		}
	}

	boolean runActions(CallWatch.Slot slot) {
		for (int i = next.getAndIncrement(); i < actions.size(); i = next.getAndIncrement()) {
			actions.get(i).run();
			if (slot.detached) {
				return false;
			}
		}
		return true;
	}

	private void awaitRescue() {
		long bound = watch.timeoutMillis() * (actions.size() + 2L);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					if (!rescueDone.await(bound, TimeUnit.MILLISECONDS)) {
						watch.warn("{} was not finished within {} ms by its rescue thread; its caller goes on", name, bound);
					}
					return;
				} catch (InterruptedException e) {
					interrupted = true;
				}
			}
		} finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	void handOver(Thread from, Thread to) {
		if (lock != null) {
			lock.handOver(from, to);
		}
	}

	/** On the rescue thread, at the end or after a failure: what the stuck caller would have done. */
	void rescued(String why) {
		try {
			TraceRecorder.end(closes, ResultCode.S_OK, why);
			if (lock != null) {
				lock.releaseAll();
			}
		} finally {
			rescueDone.countDown();
		}
	}
}

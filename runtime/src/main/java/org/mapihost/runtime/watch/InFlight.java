package org.mapihost.runtime.watch;

import org.mapihost.runtime.trace.Step;

/**
 * One provider call the watch tracks: the outermost provider call of its thread. It ends once,
 * either answered by its thread or abandoned by the watchdog; {@code this} guards that choice,
 * so a thread that finds its call abandoned has already been interrupted and its sequence
 * handed over. The pause fields are written by the call's thread only.
 */
public final class InFlight {
	private static final int RUNNING = 0;
	private static final int ANSWERED = 1;
	private static final int ABANDONED = 2;

	final String call;
	final String session;
	final String provider;
	final String object;
	final Step step;
	final Thread thread;
	/** The innermost sequence its thread was running when the call began, or null. */
	final Sequence sequence;
	final long startNanos;
	private volatile long pausedSince;
	private volatile long pausedNanos;
	private int pauses;
	private int state = RUNNING;

	InFlight(String call, String session, String provider, String object, Step step, Thread thread, Sequence sequence) {
		this.call = call;
		this.session = session;
		this.provider = provider;
		this.object = object;
		this.step = step;
		this.thread = thread;
		this.sequence = sequence;
		this.startNanos = System.nanoTime();
	}

	/** The provider called the runtime back: the runtime's own time does not count against the provider. */
	void pause() {
		if (pauses++ == 0) {
			pausedSince = System.nanoTime();
		}
	}

	void resume() {
		if (pauses > 0 && --pauses == 0) {
			pausedNanos += System.nanoTime() - pausedSince;
			pausedSince = 0;
		}
	}

	boolean overdue(long now, long timeoutNanos) {
		return pausedSince == 0 && now - startNanos - pausedNanos > timeoutNanos;
	}

	/** Called by the call's thread when the provider returned; false when the watchdog had given up on it. */
	synchronized boolean answered() {
		if (state == RUNNING) {
			state = ANSWERED;
			return true;
		}
		return false;
	}

	/**
	 * Called by the watchdog: gives up on the call unless it was answered, interrupts the thread
	 * and runs {@code giveUp}, all before the thread can see the outcome.
	 */
	synchronized boolean abandon(Runnable giveUp) {
		if (state != RUNNING) {
			return false;
		}
		state = ABANDONED;
		// Interrupted first, so that whoever sees the Violation can count on the interrupt; the
		// thread cannot see the outcome before giveUp is done, as answered() waits for this monitor.
		thread.interrupt();
		giveUp.run();
		return true;
	}
}

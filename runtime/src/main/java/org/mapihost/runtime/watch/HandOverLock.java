package org.mapihost.runtime.watch;

import java.util.concurrent.TimeUnit;

/**
 * A reentrant lock whose ownership the watchdog can hand from a thread stuck in provider code
 * to the rescue thread that finishes its {@link Sequence}. A thread whose lock was handed over
 * finds, when it comes back, that its {@link #unlock()} is no longer its to do. Concurrency:
 * {@code this} guards owner and holds.
 */
public final class HandOverLock {
	private Thread owner;
	private int holds;

	/** @return false when the lock stayed taken for the whole wait */
	public synchronized boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
		Thread me = Thread.currentThread();
		if (owner == me) {
			holds++;
			return true;
		}
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		while (owner != null) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		owner = me;
		holds = 1;
		return true;
	}

	/** Releases one hold; does nothing for a thread that no longer owns the lock (it was handed over). */
	public synchronized void unlock() {
		if (owner != Thread.currentThread()) {
			return;
		}
		if (--holds == 0) {
			owner = null;
			notifyAll();
		}
	}

	public synchronized boolean isHeldByCurrentThread() {
		return owner == Thread.currentThread();
	}

	synchronized void handOver(Thread from, Thread to) {
		if (owner == from) {
			owner = to;
		}
	}

	/** The rescue thread is done: every hold the stuck thread had goes with it. */
	synchronized void releaseAll() {
		if (owner == Thread.currentThread()) {
			owner = null;
			holds = 0;
			notifyAll();
		}
	}
}

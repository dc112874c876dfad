package org.mapihost.itests.smtp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling, for conditions outside the framework that announce nothing (a port that
 * starts to listen, a mailbox that fills): looks every {@value #STEP_MILLIS} ms until the
 * condition holds or the time is up. Stateless.
 */
final class Poll {
	static final long STEP_MILLIS = 50;

	private Poll() {
	}

	/**
	 * Returns the first value that {@code done} accepts.
	 *
	 * @throws AssertionError naming {@code what} and the last value when the time is up
	 */
	static <T> T until(String what, long timeoutMillis, Supplier<T> value, Predicate<T> done) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (true) {
			T current = value.get();
			if (done.test(current)) {
				return current;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError("waited " + timeoutMillis + " ms for " + what + "; last seen: " + current);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(STEP_MILLIS));
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what);
			}
		}
	}
}

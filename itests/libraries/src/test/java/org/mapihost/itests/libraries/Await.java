package org.mapihost.itests.libraries;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bounded wait for a state that no event announces — a library's state in the admin API. It
 * looks every 10 ms until the condition holds or the timeout passes, and then fails with what it
 * waited for. Everything that does announce itself (trace steps, services) is waited on directly.
 */
final class Await {
	private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private Await() {
	}

	static void until(String what, long timeoutMillis, BooleanSupplier condition) {
		until(() -> what, timeoutMillis, condition);
	}

	static void until(Supplier<String> what, long timeoutMillis, BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("waited " + timeoutMillis + " ms for: " + what.get());
			}
			LockSupport.parkNanos(STEP_NANOS);
		}
	}
}

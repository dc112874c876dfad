package org.mapihost.itests.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

/** The heap in use after full collections: the least of a few readings, each after {@code System.gc()}. */
final class HeapGauge {
	private static final int READINGS = 5;

	private HeapGauge() {
	}

	static long usedAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long least = Long.MAX_VALUE;
		for (int i = 0; i < READINGS; i++) {
			System.gc();
			// lets reference handlers and finalization of the collected class loaders run before the next reading
			TimeUnit.MILLISECONDS.sleep(100);
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}
}

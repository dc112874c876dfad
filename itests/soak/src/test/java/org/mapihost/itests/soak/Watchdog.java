package org.mapihost.itests.soak;

import java.io.PrintStream;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails the soak when it stops moving: every finished client cycle, hot update and end-of-run
 * step {@link #tick() ticks}; if no tick comes for {@code stallMillis}, the watchdog prints a
 * full thread dump (with the locks each thread holds and waits for, and any deadlock the JVM
 * finds) and {@link #fired() fires}. Concurrency: the progress counter is atomic; the dump is
 * written once, before the latch opens.
 */
final class Watchdog implements AutoCloseable {
	private static final long LOOK_MILLIS = 250;

	private final AtomicLong progress = new AtomicLong();
	private final CountDownLatch fired = new CountDownLatch(1);
	private final long stallMillis;
	private final Thread thread;
	private volatile String dump;
	private volatile String doing = "starting";

	private final PrintStream out;

	private Watchdog(long stallMillis, PrintStream out) {
		this.stallMillis = stallMillis;
		this.out = out;
		this.thread = new Thread(this::watch, "soak-watchdog");
		thread.setDaemon(true);
	}

	/** Starts watching; when it fires, the dump also goes to {@code out} at once (unless null), should the test hang after. */
	static Watchdog start(long stallMillis, PrintStream out) {
		Watchdog watchdog = new Watchdog(stallMillis, out);
		watchdog.thread.start();
		return watchdog;
	}

	void tick() {
		progress.incrementAndGet();
	}

	/** Ticks, and names what the test does next (for the report should it stall there). */
	void step(String what) {
		doing = what;
		tick();
	}

	boolean fired() {
		return fired.getCount() == 0;
	}

	/** Waits up to {@code millis} for the watchdog to fire; returns whether it did. */
	boolean awaitFired(long millis) throws InterruptedException {
		return fired.await(millis, TimeUnit.MILLISECONDS);
	}

	String dump() {
		return dump;
	}

	private void watch() {
		long seen = progress.get();
		long lastChange = System.nanoTime();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(LOOK_MILLIS);
			} catch (InterruptedException e) {
				return;
			}
			long now = progress.get();
			if (now != seen) {
				seen = now;
				lastChange = System.nanoTime();
			} else if (System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
				dump = "no progress for " + stallMillis + " ms while " + doing + "\n" + threadDump();
				if (out != null) {
					out.println("[SOAK] WATCHDOG: " + dump);
					out.flush();
				}
				fired.countDown();
				return;
			}
		}
	}

	/** Every thread with its whole stack, the monitors and locks it holds, and what it waits for. */
	static String threadDump() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		StringBuilder text = new StringBuilder();
		long[] deadlocked = threads.findDeadlockedThreads();
		text.append(deadlocked == null ? "no deadlock found by the JVM" : "DEADLOCK between " + deadlocked.length + " threads").append('\n');
		for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
			text.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
			if (info.getLockName() != null) {
				text.append(" on ").append(info.getLockName());
			}
			if (info.getLockOwnerName() != null) {
				text.append(" owned by \"").append(info.getLockOwnerName()).append('"');
			}
			text.append('\n');
			StackTraceElement[] frames = info.getStackTrace();
			for (int i = 0; i < frames.length; i++) {
				text.append("    at ").append(frames[i]).append('\n');
				for (MonitorInfo monitor : info.getLockedMonitors()) {
					if (monitor.getLockedStackDepth() == i) {
						text.append("    - locked ").append(monitor).append('\n');
					}
				}
			}
			for (LockInfo lock : info.getLockedSynchronizers()) {
				text.append("    - holds ").append(lock).append('\n');
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		thread.interrupt();
	}
}

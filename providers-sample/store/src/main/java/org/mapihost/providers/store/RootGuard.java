package org.mapihost.providers.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every store open on one Maildir root in this JVM shares (several sessions may open the
 * same store): the lock that makes compound steps atomic (find, then write or rename) and a clock
 * that gives each written file a distinct modification time, so that contents sort oldest first.
 * The registry map is concurrent; {@code this} guards {@code last}.
 */
final class RootGuard {
	private static final Map<Path, RootGuard> GUARDS = new ConcurrentHashMap<>();

	final ReentrantLock lock = new ReentrantLock();
	private Instant last = Instant.EPOCH;

	private RootGuard() {
	}

	static RootGuard of(Path root) {
		return GUARDS.computeIfAbsent(root, r -> new RootGuard());
	}

	/**
	 * @return now to the microsecond, later than every instant returned before
	 */
	synchronized Instant next() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
		return last;
	}
}

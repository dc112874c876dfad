package org.mapihost.itests.soak;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the client and hot-update threads did, counted as they go. Concurrency: atomic counters,
 * a concurrent map of StoreLogoff flags and a copy-on-write list of the first unexpected failures.
 */
final class ClientFigures {
	private static final int KEPT_FAILURES = 5;

	final AtomicLong cycles = new AtomicLong();
	final AtomicLong completed = new AtomicLong();
	final AtomicLong refused = new AtomicLong();
	final AtomicLong submitted = new AtomicLong();
	final AtomicLong turnedDown = new AtomicLong();
	final AtomicLong updates = new AtomicLong();
	final AtomicLong unexpected = new AtomicLong();
	/** Each message a SubmitMessage took, by sender and cycle, for the no-loss check at the end. */
	final SubmittedMessages messages = new SubmittedMessages();
	private final Map<String, AtomicLong> storeLogoffs = new ConcurrentHashMap<>();
	private final List<String> failures = new CopyOnWriteArrayList<>();
	private volatile String refusal;

	void storeLogoff(String flag) {
		storeLogoffs.computeIfAbsent(flag, f -> new AtomicLong()).incrementAndGet();
	}

	Map<String, Long> storeLogoffs() {
		Map<String, Long> copy = new TreeMap<>();
		storeLogoffs.forEach((flag, count) -> copy.put(flag, count.get()));
		return copy;
	}

	void refused(String message) {
		refused.incrementAndGet();
		refusal = message;
	}

	/** One of the refusals, to show what a client got. */
	String refusal() {
		return refusal;
	}

	void unexpected(String where, Throwable failure) {
		unexpected.incrementAndGet();
		if (failures.size() < KEPT_FAILURES) {
			StringWriter text = new StringWriter();
			failure.printStackTrace(new PrintWriter(text));
			failures.add(where + ": " + text);
		}
	}

	List<String> failures() {
		return List.copyOf(failures);
	}
}

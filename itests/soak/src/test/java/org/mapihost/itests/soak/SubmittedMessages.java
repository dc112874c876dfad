package org.mapihost.itests.soak;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages the clients submitted successfully, one per cycle at most: the subject
 * {@code "<profile> cycle <n>"} names it, {@code n} being the cycle's number (unique across both
 * clients). Kept as one bit per cycle number and sender, so the record does not grow the heap the
 * soak measures (thousands of subjects would). Concurrency: {@code this} guards the bit sets.
 */
final class SubmittedMessages {
	private static final Pattern SUBJECT = Pattern.compile("(\\S+) cycle (\\d{1,18})");

	private final Map<String, BitSet> cyclesBySender = new LinkedHashMap<>();

	static String subject(String senderProfile, long cycle) {
		return senderProfile + " cycle " + cycle;
	}

	/** The sender's profile and the cycle number of a subject this class made, or empty for any other subject. */
	static Optional<Map.Entry<String, Long>> parse(String subject) {
		Matcher matcher = SUBJECT.matcher(subject);
		return matcher.matches() ? Optional.of(Map.entry(matcher.group(1), Long.parseLong(matcher.group(2)))) : Optional.empty();
	}

	synchronized void add(String senderProfile, long cycle) {
		if (cycle < 0 || cycle > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("cycle number out of range: " + cycle);
		}
		cyclesBySender.computeIfAbsent(senderProfile, p -> new BitSet()).set((int) cycle);
	}

	synchronized boolean contains(String senderProfile, long cycle) {
		BitSet cycles = cyclesBySender.get(senderProfile);
		return cycles != null && cycle >= 0 && cycle <= Integer.MAX_VALUE && cycles.get((int) cycle);
	}

	/** The cycle numbers a sender submitted in, a copy. */
	synchronized BitSet cyclesOf(String senderProfile) {
		BitSet cycles = cyclesBySender.get(senderProfile);
		return cycles == null ? new BitSet() : (BitSet) cycles.clone();
	}

	synchronized long size() {
		return cyclesBySender.values().stream().mapToLong(BitSet::cardinality).sum();
	}
}

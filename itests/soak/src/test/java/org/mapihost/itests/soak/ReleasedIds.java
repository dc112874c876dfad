package org.mapihost.itests.soak;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids of released objects ({@code xpp12}, {@code msl40}, {@code sup7}, …), one bit per
 * number and prefix, so remembering every Release of a long soak costs bytes, not a set of
 * strings that would grow the heap the soak measures. Not thread-safe: the audit's lock guards it.
 */
final class ReleasedIds {
	private final Map<String, BitSet> byPrefix = new HashMap<>();

	void add(String id) {
		int digits = digitsAt(id);
		if (digits > 0) {
			byPrefix.computeIfAbsent(id.substring(0, digits), p -> new BitSet()).set(number(id, digits));
		}
	}

	boolean contains(String id) {
		int digits = digitsAt(id);
		if (digits <= 0) {
			return false;
		}
		BitSet bits = byPrefix.get(id.substring(0, digits));
		return bits != null && bits.get(number(id, digits));
	}

	/** Where the number of an id such as {@code msl40} starts, or -1 when it is no such id (a bundle name). */
	private static int digitsAt(String id) {
		if (id == null || id.isEmpty() || id.length() > 18) {
			return -1;
		}
		int i = 0;
		while (i < id.length() && Character.isLetter(id.charAt(i))) {
			i++;
		}
		if (i == 0 || i == id.length()) {
			return -1;
		}
		for (int j = i; j < id.length(); j++) {
			if (!Character.isDigit(id.charAt(j))) {
				return -1;
			}
		}
		return i;
	}

	private static int number(String id, int digits) {
		long number = Long.parseLong(id.substring(digits));
		if (number > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("object id out of range: " + id);
		}
		return (int) number;
	}
}

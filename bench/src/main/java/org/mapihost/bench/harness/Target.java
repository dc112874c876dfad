package org.mapihost.bench.harness;

/**
 * A target of the issue and the figure measured against it.
 *
 * @param what    the figure, e.g. "ratio (trace on)"
 * @param value   what was measured
 * @param atMost  true for "≤ limit", false for "≥ limit"
 * @param limit   the target
 */
public record Target(String what, double value, boolean atMost, double limit) {
	public boolean met() {
		return atMost ? value <= limit : value >= limit;
	}

	public static Target atMost(String what, double value, double limit) {
		return new Target(what, value, true, limit);
	}

	public static Target atLeast(String what, double value, double limit) {
		return new Target(what, value, false, limit);
	}

	@Override
	public String toString() {
		return what + " " + Result.format(value) + (atMost ? " ≤ " : " ≥ ") + Result.format(limit) + (met() ? " met" : " MISSED");
	}
}

package org.mapihost.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark measured: one line for the table (the runtime's figure, the baseline's, their
 * ratio), the targets, and every raw number for the JSON.
 */
public final class Result {
	private final String benchmark;
	private String runtime = "";
	private String baseline = "";
	private final List<Target> targets = new ArrayList<>();
	private final Map<String, Object> raw = new LinkedHashMap<>();
	private final List<String> notes = new ArrayList<>();

	public Result(String benchmark) {
		this.benchmark = benchmark;
	}

	public Result runtime(String text) {
		runtime = text;
		return this;
	}

	public Result baseline(String text) {
		baseline = text;
		return this;
	}

	public Result target(Target target) {
		targets.add(target);
		return this;
	}

	public Result raw(String name, Object value) {
		raw.put(name, value);
		return this;
	}

	public Result note(String text) {
		notes.add(text);
		return this;
	}

	public String benchmark() {
		return benchmark;
	}

	public String runtime() {
		return runtime;
	}

	public String baseline() {
		return baseline;
	}

	public List<Target> targets() {
		return targets;
	}

	public Map<String, Object> raw() {
		return raw;
	}

	public List<String> notes() {
		return notes;
	}

	/** A figure with three significant digits or so, never in exponent form. */
	public static String format(double value) {
		double abs = Math.abs(value);
		if (abs >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (abs >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

	/** Fails when a figure that must be measured is not a positive number. */
	public static double measured(String what, double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalStateException("measured nothing: " + what + " = " + value);
		}
		return value;
	}
}

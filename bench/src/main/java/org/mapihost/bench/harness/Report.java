package org.mapihost.bench.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes results.md (the table) and results.json (every raw number) with the machine's core count, JDK and date. */
public final class Report {
	private final Settings settings;
	private final Map<String, Object> machine = new LinkedHashMap<>();
	private final List<Result> results = new ArrayList<>();
	private final Map<String, String> failures = new LinkedHashMap<>();

	public Report(Settings settings, String command) {
		this.settings = settings;
		machine.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		machine.put("mode", settings.mode());
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
		machine.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		machine.put("command", command);
	}

	public void add(Result result) {
		results.add(result);
	}

	public void failed(String benchmark, Throwable e) {
		failures.put(benchmark, e.toString().replaceAll("\\s+", " "));
	}

	public boolean hasFailures() {
		return !failures.isEmpty();
	}

	public void write(long elapsedMillis) throws IOException {
		machine.put("elapsedSeconds", elapsedMillis / 1000);
		machine.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		Files.createDirectories(settings.out());
		Files.writeString(settings.out().resolve("results.md"), markdown());
		Files.writeString(settings.out().resolve("results.json"), json() + "\n");
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# mapihost benchmarks (").append(settings.mode()).append(" mode)\n\n");
		md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("jdk")).append(", ")
				.append(machine.get("os")).append("; load average ").append(machine.get("loadAverageAtStart")).append(" at start, ")
				.append(machine.get("loadAverageAtEnd")).append(" at end. Date: ").append(machine.get("date"))
				.append(". Took ").append(machine.get("elapsedSeconds")).append(" s.\n\n");
		md.append("Command: `").append(machine.get("command")).append("`\n\n");
		if (settings.quick()) {
			md.append("Quick mode: a smoke test, figures not judged.\n\n");
		}
		md.append("| benchmark | runtime | baseline | targets |\n|---|---|---|---|\n");
		for (Result result : results) {
			md.append("| ").append(result.benchmark()).append(" | ").append(result.runtime()).append(" | ").append(result.baseline())
					.append(" | ").append(result.targets().stream().map(Target::toString).collect(Collectors.joining("<br>")))
					.append(" |\n");
		}
		for (Map.Entry<String, String> failure : failures.entrySet()) {
			md.append("| ").append(failure.getKey()).append(" | FAILED: ").append(failure.getValue().replace("|", "\\|"))
					.append(" | | |\n");
		}
		for (Result result : results) {
			md.append("\n## ").append(result.benchmark()).append("\n\n");
			for (String note : result.notes()) {
				md.append("- ").append(note).append('\n');
			}
			md.append("\n```\n");
			result.raw().forEach((k, v) -> md.append(k).append(" = ").append(v instanceof double[] array ? Arrays.toString(array) : v)
					.append('\n'));
			md.append("```\n");
		}
		return md.toString();
	}

	String json() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("machine", machine);
		Map<String, Object> benchmarks = new LinkedHashMap<>();
		for (Result result : results) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("runtime", result.runtime());
			entry.put("baseline", result.baseline());
			List<Object> targets = new ArrayList<>();
			for (Target target : result.targets()) {
				Map<String, Object> t = new LinkedHashMap<>();
				t.put("what", target.what());
				t.put("value", target.value());
				t.put("comparison", target.atMost() ? "<=" : ">=");
				t.put("limit", target.limit());
				t.put("met", target.met());
				targets.add(t);
			}
			entry.put("targets", targets);
			entry.put("raw", result.raw());
			entry.put("notes", result.notes());
			benchmarks.put(result.benchmark(), entry);
		}
		root.put("benchmarks", benchmarks);
		root.put("failures", failures);
		return toJson(root, "");
	}

	static String toJson(Object value, String indent) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Number number) {
			double d = number.doubleValue();
			return Double.isFinite(d) ? number.toString() : "null";
		}
		if (value instanceof Boolean) {
			return value.toString();
		}
		String inner = indent + "  ";
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				return "{}";
			}
			return map.entrySet().stream().map(e -> inner + quote(String.valueOf(e.getKey())) + ": " + toJson(e.getValue(), inner))
					.collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
		}
		if (value instanceof Collection<?> list) {
			if (list.isEmpty()) {
				return "[]";
			}
			return list.stream().map(v -> inner + toJson(v, inner)).collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
		}
		if (value instanceof double[] array) {
			List<Object> boxed = new ArrayList<>();
			for (double d : array) {
				boxed.add(d);
			}
			return toJson(boxed, indent);
		}
		return quote(value.toString());
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		return out.append('"').toString();
	}
}

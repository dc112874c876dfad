package org.mapihost.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.mapihost.bench.harness.Benchmark;
import org.mapihost.bench.harness.Files2;
import org.mapihost.bench.harness.Result;
import org.mapihost.bench.harness.Settings;
import org.mapihost.bench.harness.Stats;
import org.mapihost.bench.harness.Target;

/**
 * host-start: wall time from starting {@code java -jar mapihost.jar} to the answer of its first
 * shell command ({@code echo}, piped to standard input), beside the same for a bare Felix + Gogo
 * jar and, when it is given, Apache Karaf minimal. Runs alternate between the three, each in a
 * fresh working folder; the median counts.
 */
final class HostStart implements Benchmark {
	static final double MAX_RATIO = 1.3;
	static final String MARKER = "BENCH-READY";
	static final long ANSWER_TIMEOUT_SECONDS = 120;
	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

	private record Candidate(String name, List<String> command, Path home, Map<String, String> environment) {
	}

	@Override
	public String name() {
		return "host-start";
	}

	@Override
	public Result run(Settings settings) throws Exception {
		int runs = settings.quick() ? 1 : 7;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<Candidate> candidates = new ArrayList<>();
		candidates.add(new Candidate("mapihost", List.of(java, "-jar", requireFile(settings.hostJar()).toString()), null, Map.of()));
		candidates.add(new Candidate("bare Felix + Gogo", List.of(java, "-jar", requireFile(settings.bareJar()).toString()), null, Map.of()));
		if (settings.karaf() != null) {
			Path karaf = settings.karaf();
			requireFile(karaf.resolve("bin/karaf"));
			candidates.add(new Candidate("Karaf minimal", List.of(karaf.resolve("bin/karaf").toString()), karaf,
					Map.of("JAVA_HOME", System.getProperty("java.home"))));
		}
		Path work = settings.work(name());
		Files2.deleteTree(work);
		Map<String, double[]> times = new LinkedHashMap<>();
		candidates.forEach(c -> times.put(c.name(), new double[runs]));
		for (Candidate candidate : settings.quick() ? List.<Candidate>of() : candidates) {
			timeToAnswer(candidate, work.resolve("warm-up-" + candidate.name().replace(' ', '-')));
		}
		for (int run = 0; run < runs; run++) {
			for (Candidate candidate : candidates) {
				times.get(candidate.name())[run] = timeToAnswer(candidate, work.resolve(candidate.name().replace(' ', '-') + "-" + run));
			}
		}
		Result result = new Result(name());
		Map<String, Double> medians = new LinkedHashMap<>();
		for (Map.Entry<String, double[]> entry : times.entrySet()) {
			double median = Result.measured(entry.getKey() + " start", Stats.median(entry.getValue()));
			medians.put(entry.getKey(), median);
			result.raw(entry.getKey() + ": median ms", median).raw(entry.getKey() + ": every run ms", entry.getValue());
		}
		double host = medians.get("mapihost");
		double bare = medians.get("bare Felix + Gogo");
		double ratio = host / bare;
		result.raw("ratio mapihost / bare Felix", ratio);
		StringBuilder baseline = new StringBuilder(Result.format(bare) + " ms bare Felix + Gogo");
		Double karaf = medians.get("Karaf minimal");
		if (karaf != null) {
			result.raw("ratio mapihost / Karaf minimal", host / karaf);
			baseline.append("<br>").append(Result.format(karaf)).append(" ms Karaf minimal (mapihost ").append(Result.format(host / karaf))
					.append("×)");
		} else {
			result.note("Karaf minimal left out (only the full run unpacks it).");
		}
		return result.runtime(Result.format(host) + " ms (" + Result.format(ratio) + "× bare Felix)")
				.baseline(baseline.toString())
				.target(Target.atMost("ratio to bare Felix", ratio, MAX_RATIO))
				.note("Median of " + runs + " runs each after one warm-up run each (quick mode: one run, no warm-up), alternating; a fresh working folder per run"
						+ " (Karaf: a fresh KARAF_DATA). Time from process start to the line '" + MARKER + "' answering `echo "
						+ MARKER + "` written to standard input at once.")
				.note("bare Felix + Gogo: bench/bare-felix.bndrun (Felix 7.0.5, gogo.runtime, gogo.command, gogo.jline, jline)"
						+ " exported by bnd-export-maven-plugin as host/ exports mapihost.jar.");
	}

	private static Path requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + " does not exist (build it first)");
		}
		return file;
	}

	/** Milliseconds from process start to the marker line. */
	private static double timeToAnswer(Candidate candidate, Path folder) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		ProcessBuilder builder = new ProcessBuilder(candidate.command()).directory(folder.toFile()).redirectErrorStream(true);
		builder.environment().putAll(candidate.environment());
		if (candidate.home() != null) {
			// Karaf refuses a KARAF_DATA that does not exist
			builder.environment().put("KARAF_DATA", Files.createDirectories(folder.resolve("data")).toString());
		}
		List<String> seen = new ArrayList<>();
		long start = System.nanoTime();
		Process process = builder.start();
		Thread watchdog = new Thread(() -> {
			try {
				if (!process.waitFor(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					destroy(process);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "bench-host-start-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		try {
			OutputStream stdin = process.getOutputStream();
			stdin.write(("echo " + MARKER + "\n").getBytes(StandardCharsets.UTF_8));
			stdin.flush();
			try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					String clean = ANSI.matcher(line).replaceAll("").strip();
					seen.add(clean);
					if (clean.endsWith(MARKER) && !clean.contains("echo")) {
						return (System.nanoTime() - start) / 1e6;
					}
				}
			}
			throw new IllegalStateException(candidate.name() + " ended (or was stopped after " + ANSWER_TIMEOUT_SECONDS
					+ " s) without answering; its output:\n" + String.join("\n", seen));
		} finally {
			destroy(process);
			watchdog.interrupt();
		}
	}

	/** Stops the process and whatever it started (Karaf's script starts the JVM as a child). */
	private static void destroy(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

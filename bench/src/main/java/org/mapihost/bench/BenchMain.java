package org.mapihost.bench;

import java.util.List;

import org.mapihost.bench.harness.Benchmark;
import org.mapihost.bench.harness.Report;
import org.mapihost.bench.harness.Result;
import org.mapihost.bench.harness.Settings;

/**
 * Runs the benchmarks one after the other and writes the report. Exits 1 when one of them threw
 * or measured nothing — never because a figure is slow — and 2 for a bad command line.
 */
public final class BenchMain {
	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings;
		try {
			settings = Settings.parse(args);
		} catch (IllegalArgumentException e) {
			System.err.println("Error: " + e.getMessage());
			System.exit(2);
			return;
		}
		List<Benchmark> benchmarks = List.of(new SessionCycle(), new HotUnload(), new LibraryChurn(), new HostStart(), new Spool());
		Report report = new Report(settings, settings.quick() ? "mvn -B verify (quick mode, bench module)"
				: "mvn -B -q install -DskipTests && mvn -B -pl bench verify -Pbench");
		long start = System.nanoTime();
		for (Benchmark benchmark : benchmarks) {
			if (!settings.only().isEmpty() && !settings.only().contains(benchmark.name())) {
				continue;
			}
			System.out.println("[bench] " + benchmark.name() + " (" + settings.mode() + ") ...");
			long begun = System.nanoTime();
			try {
				Result result = benchmark.run(settings);
				report.add(result);
				System.out.println("[bench] " + benchmark.name() + ": " + result.runtime() + " | baseline " + result.baseline() + " | "
						+ result.targets() + " (" + (System.nanoTime() - begun) / 1_000_000 + " ms)");
			} catch (Exception | Error e) {
				report.failed(benchmark.name(), e);
				System.out.println("[bench] " + benchmark.name() + " FAILED: " + e);
				e.printStackTrace(System.out);
			}
		}
		report.write((System.nanoTime() - start) / 1_000_000);
		System.out.println("[bench] results in " + settings.out());
		System.exit(report.hasFailures() ? 1 : 0);
	}
}

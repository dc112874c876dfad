package org.mapihost.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.mapihost.bench.cycle.SessionCycleBench;
import org.mapihost.bench.harness.Benchmark;
import org.mapihost.bench.harness.Files2;
import org.mapihost.bench.harness.Result;
import org.mapihost.bench.harness.Settings;
import org.mapihost.bench.harness.Target;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** session-cycle through JMH: one fork per configuration, each with its own framework. */
final class SessionCycle implements Benchmark {
	static final double MAX_RATIO = 2.0;
	static final double MIN_CYCLES = 100_000;

	@Override
	public String name() {
		return "session-cycle";
	}

	@Override
	public Result run(Settings settings) throws Exception {
		Files2.deleteTree(settings.work(name()));
		List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-Dbench.bundles=" + settings.bundles(),
				"-Dbench.work=" + settings.work(name())));
		String jfr = System.getProperty("bench.jfr");
		if (jfr != null) {
			jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
		}
		ChainedOptionsBuilder options = new OptionsBuilder()
				.include("^" + SessionCycleBench.class.getName().replace(".", "\\.") + "\\.")
				.forks(1)
				.threads(1)
				.jvmArgs(jvm.toArray(String[]::new))
				.shouldFailOnError(true);
		if (settings.quick()) {
			options.warmupIterations(1).warmupTime(TimeValue.milliseconds(500)).measurementIterations(2)
					.measurementTime(TimeValue.milliseconds(500)).param("spooler", "off");
		} else {
			options.warmupIterations(5).warmupTime(TimeValue.seconds(1)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
		}
		Collection<RunResult> runs = new Runner(options.build()).run();

		double baseline = 0;
		Result result = new Result(name());
		List<String> runtimeText = new ArrayList<>();
		double[] traceOn = new double[1], traceOff = new double[1];
		for (RunResult run : runs) {
			String method = run.getParams().getBenchmark();
			double score = Result.measured(method, run.getPrimaryResult().getScore());
			double error = run.getPrimaryResult().getScoreError();
			if (method.endsWith(".baseline")) {
				baseline = score;
				result.raw("baseline cycles/s", score).raw("baseline cycles/s error (99.9%)", error);
				continue;
			}
			String trace = run.getParams().getParam("trace");
			String spooler = run.getParams().getParam("spooler");
			String key = "trace " + trace + ", spooler " + spooler;
			result.raw(key + ": cycles/s", score).raw(key + ": cycles/s error (99.9%)", error);
			if (spooler.equals("off")) {
				(trace.equals("on") ? traceOn : traceOff)[0] = score;
				runtimeText.add(String.format(Locale.ROOT, "%s cycles/s (trace %s)", Result.format(score), trace));
			}
		}
		Result.measured("baseline cycles/s", baseline);
		Result.measured("cycles/s with the trace on", traceOn[0]);
		Result.measured("cycles/s with the trace off", traceOff[0]);
		double ratioOn = baseline / traceOn[0];
		double ratioOff = baseline / traceOff[0];
		result.raw("ratio trace on (baseline/runtime time per cycle)", ratioOn).raw("ratio trace off", ratioOff);
		for (RunResult run : runs) {
			if ("on".equals(run.getParams().getParam("spooler"))) {
				result.raw("ratio trace " + run.getParams().getParam("trace") + ", spooler on", baseline / run.getPrimaryResult().getScore());
			}
		}
		return result.runtime(String.join("<br>", runtimeText))
				.baseline(Result.format(baseline) + " cycles/s")
				.target(Target.atMost("ratio (trace on)", ratioOn, MAX_RATIO))
				.target(Target.atMost("ratio (trace off)", ratioOff, MAX_RATIO))
				.target(Target.atLeast("cycles/s (trace on)", traceOn[0], MIN_CYCLES))
				.target(Target.atLeast("cycles/s (trace off)", traceOff[0], MIN_CYCLES))
				.note("One thread, one JMH fork per configuration (1 GB heap). The cycle: MAPILogonEx, OpenMsgStore, StoreLogoff(LOGOFF_ORDERLY),"
						+ " Release of the store, Logoff, Release of the session, against a no-op DS prototype provider; sessions"
						+ " MAPI_NO_MAIL (no spooler) unless the row says spooler on.")
				.note("Baseline: the same provider called directly — prototype getService, logon, StoreLogoff, store release,"
						+ " logon logoff and release, Shutdown, ungetService. Ratio = time per cycle of the runtime / of the baseline.");
	}
}

package org.mapihost.bench.harness;

/** One of the five benchmarks: measures the runtime and its baseline in the same run. */
public interface Benchmark {
	String name();

	/** @throws Exception when it cannot run, or measured nothing */
	Result run(Settings settings) throws Exception;
}

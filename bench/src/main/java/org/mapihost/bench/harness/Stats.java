package org.mapihost.bench.harness;

import java.util.Arrays;

/** Median and a least-squares slope, for the single-shot benchmarks. */
public final class Stats {
	private Stats() {
	}

	public static double median(double[] values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("no values to take the median of");
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The slope of the least-squares line through (log x, log y). */
	public static double logLogSlope(double[] x, double[] y) {
		if (x.length != y.length || x.length < 2) {
			throw new IllegalArgumentException("a slope needs two or more points, got " + x.length + " and " + y.length);
		}
		double n = x.length, sx = 0, sy = 0, sxx = 0, sxy = 0;
		for (int i = 0; i < x.length; i++) {
			double lx = Math.log(x[i]);
			double ly = Math.log(y[i]);
			sx += lx;
			sy += ly;
			sxx += lx * lx;
			sxy += lx * ly;
		}
		return (n * sxy - sx * sy) / (n * sxx - sx * sx);
	}
}

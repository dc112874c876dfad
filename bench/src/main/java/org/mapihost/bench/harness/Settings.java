package org.mapihost.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code BenchMain}: quick or full, where the results go, where the bundles
 * and jars are.
 *
 * @param quick    a few seconds per benchmark, a smoke test whose figures are not judged
 * @param out      folder of results.md and results.json
 * @param bundles  the bundles the build copied for the embedded frameworks
 * @param work     scratch folder (frameworks' storage, Maildirs, working folders of processes)
 * @param hostJar  host/target/mapihost.jar
 * @param bareJar  the bare Felix + Gogo jar
 * @param karaf    an unpacked Apache Karaf minimal, or null to leave that baseline out
 * @param only     benchmark names to run; empty for all
 */
public record Settings(boolean quick, Path out, Path bundles, Path work, Path hostJar, Path bareJar, Path karaf, Set<String> only) {
	static final String USAGE = "Usage: BenchMain (--quick|--full) --out DIR --bundles DIR --work DIR --host-jar FILE --bare-jar FILE"
			+ " [--karaf DIR] [--only NAME,...]";

	public static Settings parse(String[] args) {
		Boolean quick = null;
		Path out = null, bundles = null, work = null, hostJar = null, bareJar = null, karaf = null;
		List<String> only = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
			case "--quick" -> quick = true;
			case "--full" -> quick = false;
			case "--out" -> out = Path.of(value(args, ++i, arg));
			case "--bundles" -> bundles = Path.of(value(args, ++i, arg));
			case "--work" -> work = Path.of(value(args, ++i, arg));
			case "--host-jar" -> hostJar = Path.of(value(args, ++i, arg));
			case "--bare-jar" -> bareJar = Path.of(value(args, ++i, arg));
			case "--karaf" -> karaf = Path.of(value(args, ++i, arg));
			case "--only" -> only.addAll(List.of(value(args, ++i, arg).split(",")));
			default -> throw new IllegalArgumentException("unknown argument '" + arg + "'. " + USAGE);
			}
		}
		if (quick == null || out == null || bundles == null || work == null || hostJar == null || bareJar == null) {
			throw new IllegalArgumentException("missing argument. " + USAGE);
		}
		return new Settings(quick, out.toAbsolutePath().normalize(), bundles.toAbsolutePath().normalize(),
				work.toAbsolutePath().normalize(), hostJar.toAbsolutePath().normalize(), bareJar.toAbsolutePath().normalize(),
				karaf == null ? null : karaf.toAbsolutePath().normalize(), Set.copyOf(only));
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value. " + USAGE);
		}
		return args[i];
	}

	/** The scratch folder of one benchmark. */
	public Path work(String benchmark) {
		return work.resolve(benchmark);
	}

	public String mode() {
		return quick ? "quick" : "full";
	}
}

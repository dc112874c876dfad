package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.host.fixture.FixtureStoreProvider;

/**
 * Issue 3's "Done when", through the host: with the host running, a provider jar copied into
 * {@code providers/} becomes available (FileInstall's watcher and the runtime's installer), a
 * profile of {@code etc/} logs on to it and opens its store, and deleting the jar while the
 * session is open hot-unloads it: {@code mapi:trace} shows {@code MAPI::HotUnload} with the
 * store's rule-3 shutdown nested in it and one {@code FreeLibrary}, {@code mapi:providers} no
 * longer lists it, and the session lives on with its transport.
 * <p>
 * The host is driven through its standard input, a pipe this test writes one command at a time
 * while it reads the output (standard error merged in, so a command's {@code Error:} line comes
 * with it): a script cannot wait for FileInstall, the test can. The provider jar is built from
 * the test package {@code org.mapihost.host.fixture} by {@link FixtureJar}.
 */
class ProvidersFolderIT {
	private static final String PROVIDER = FixtureStoreProvider.NAME;
	private static final String LIBRARY = FixtureJar.SYMBOLIC_NAME + "_" + FixtureJar.VERSION;
	/** The script runner's prompt, echoed before each command. */
	private static final String PROMPT = "mapi> ";
	private static final long COMMAND_TIMEOUT_SECONDS = 30;
	/** FileInstall polls the providers folder every 500 ms; a change is seen after one to two polls. */
	private static final long FILEINSTALL_TIMEOUT_SECONDS = 20;

	private static Path jar;
	private static Path fixture;

	@TempDir
	Path work;

	@BeforeAll
	static void buildFixture(@TempDir Path dir) throws Exception {
		jar = Path.of(System.getProperty("mapihost.jar", "target/mapihost.jar")).toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn verify (bnd-export makes it in package)");
		fixture = FixtureJar.build(dir.resolve("fixture-store.jar"));
	}

	@Test
	void copiedJarIsLoadedByALogonAndDeletingItHotUnloadsTheStoreInUse() throws Exception {
		Files.createDirectories(work.resolve("etc"));
		Files.writeString(work.resolve("etc/org.mapihost.profile-hot.cfg"), """
				name = hot
				entries = store, peer
				store.provider = %s
				store.display = Hot Folders
				peer.provider = org.mapihost.sample.memxp
				""".formatted(PROVIDER));
		Path providers = work.resolve("providers");
		assertFalse(Files.exists(providers), "the host creates the providers folder");
		Path traceFile = work.resolve("trace.jsonl");

		try (Host host = Host.start(work, List.of("-Dmapihost.trace=" + traceFile))) {
			host.ok("mapi:init");
			host.await("the providers folder " + providers, () -> Files.isDirectory(providers));

			// hot deploy: copied in while the host runs, indexed, not loaded
			Path deployed = Files.copy(fixture, providers.resolve("fixture-store.jar"));
			host.poll("mapi:providers", out -> providerLine(out).filter(l -> has(l, "available")).isPresent());
			assertFalse(host.ok("lb -s").contains(FixtureJar.SYMBOLIC_NAME), () -> "indexed, not installed:\n" + host.transcript());

			assertEquals("s1", host.ok("mapi:logon hot").strip());
			assertEquals("ms1", host.ok("mapi:open-store s1").strip());
			String inUse = host.ok("mapi:providers");
			assertTrue(providerLine(inUse).filter(l -> has(l, "in_use") || has(l, "in use")).isPresent(),
					() -> "the library is in use by the session's store logon:\n" + inUse);

			// hot unload: the jar goes while the session has the store open
			Files.delete(deployed);
			host.poll("mapi:providers", out -> providerLine(out).isEmpty());

			// then mapi:trace and mapi:providers show the orderly shutdown and the library gone
			String traceOut = host.ok("mapi:trace");
			assertHotUnload(Step.parse(traceOut), traceOut);
			String providersAfter = host.ok("mapi:providers");
			assertTrue(providerLine(providersAfter).isEmpty(), () -> "the library is gone:\n" + providersAfter);
			assertTrue(lines(providersAfter).stream().anyMatch(l -> l.contains("org.mapihost.sample.memxp") && has(l, "in_use")),
					() -> "the session's transport logon lives on:\n" + providersAfter);

			// the session lives on with its transport; calls on the store's handle are refused
			String status = host.ok("mapi:status s1");
			assertTrue(status.contains("peer") && !status.contains("Hot Folders"),
					() -> "the store's status row is gone, the transport's stays:\n" + status);
			assertTrue(host.run("mapi:open-entry ms1 root").contains("Error: MAPI_E_INVALID_OBJECT"),
					() -> "calls on the unloaded store's handle are refused:\n" + host.transcript());
			assertFalse(host.ok("lb -s").contains(FixtureJar.SYMBOLIC_NAME), () -> "uninstalled:\n" + host.transcript());
			host.ok("mapi:logoff s1");
			host.ok("mapi:uninit");

			assertEquals(1, host.exit(), () -> "exit code 1: open-entry on ms1 failed on purpose, all else succeeded\n"
					+ host.transcript());
		}

		// the whole run, from the trace file: one load, one free, nothing of the provider after
		List<Step> all = Step.parse(Files.readString(traceFile));
		assertEquals(1, count(all, "LoadLibrary"), () -> "one LoadLibrary: " + all);
		assertEquals(1, count(all, "FreeLibrary"), () -> "one FreeLibrary, none more at the last MAPIUninitialize: " + all);
		assertEquals(1, count(all, "IMSProvider::Release"), () -> "the provider object is released once: " + all);
		assertTrue(all.stream().noneMatch(s -> s.call().equals("Violation")), () -> "no violations: " + all);
	}

	/**
	 * docs/CONTRACTS.md, "Hot unload (rule 5)": a {@code MAPI::HotUnload} step for the provider and,
	 * nested in it, the rule-3 steps of its store logon and its provider object's Shutdown and
	 * Release; one {@code LoadLibrary} and one {@code FreeLibrary} of the jar's bundle.
	 */
	private static void assertHotUnload(List<Step> trace, String raw) {
		Step load = only(trace, "LoadLibrary", raw);
		assertEquals("s1", load.session(), () -> "LoadLibrary names the session that needed it:\n" + raw);
		assertEquals(LIBRARY, load.object(), () -> "LoadLibrary's object is <bsn>_<version>:\n" + raw);
		Step unload = only(trace, "MAPI::HotUnload", raw);
		assertTrue(unload.seq() > load.seq(), () -> "HotUnload after LoadLibrary:\n" + raw);

		List<Step> nested = trace.stream().filter(s -> descends(trace, s, unload)).toList();
		List<String> expected = List.of("IMSLogon::Logoff", "IMAPISupport::StoreLogoffTransports", "IMAPISupport::Release",
				"MAPI::RemoveProviderUIDs", "MAPI::RemoveStatusRow", "IMSLogon::Release", "IMSProvider::Shutdown",
				"IMSProvider::Release");
		long after = unload.seq();
		for (String call : expected) {
			long previous = after;
			Step step = nested.stream().filter(s -> s.call().equals(call) && s.seq() > previous).findFirst()
					.orElseThrow(() -> new AssertionError(call + " nested in MAPI::HotUnload (seq " + unload.seq()
							+ ") after seq " + previous + ":\n" + raw));
			assertEquals(PROVIDER, step.provider(), () -> call + " is the fixture store's:\n" + raw);
			after = step.seq();
		}
		Step logoff = nested.stream().filter(s -> s.call().equals("IMSLogon::Logoff")).findFirst().orElseThrow();
		Step transports = nested.stream().filter(s -> s.call().equals("IMAPISupport::StoreLogoffTransports")).findFirst().orElseThrow();
		assertEquals(logoff.seq(), transports.parent(), () -> "the store calls StoreLogoffTransports from its logon's Logoff:\n" + raw);
		assertTrue(transports.raw().contains("LOGOFF_ABORT"), () -> "the client never called StoreLogoff: LOGOFF_ABORT:\n" + raw);

		Step free = only(trace, "FreeLibrary", raw);
		assertEquals(LIBRARY, free.object(), () -> "FreeLibrary of the loaded bundle:\n" + raw);
		assertTrue(free.seq() > load.seq(), () -> "FreeLibrary after LoadLibrary:\n" + raw);
		List<Step> stray = trace.stream().filter(s -> s.seq() > unload.seq() && PROVIDER.equals(s.provider())
				&& !s.call().equals("FreeLibrary") && !descends(trace, s, unload)).toList();
		assertEquals(List.of(), stray, () -> "every call of the provider after the unload began is nested in it:\n" + raw);
	}

	private static Optional<String> providerLine(String providersOutput) {
		return lines(providersOutput).stream().filter(l -> l.contains(PROVIDER)).findFirst();
	}

	private static boolean has(String line, String word) {
		return line.toLowerCase(Locale.ROOT).contains(word);
	}

	private static List<String> lines(String text) {
		return text.lines().toList();
	}

	private static long count(List<Step> trace, String call) {
		return trace.stream().filter(s -> s.call().equals(call) && PROVIDER.equals(s.provider())).count();
	}

	private static Step only(List<Step> trace, String call, String raw) {
		List<Step> matches = trace.stream().filter(s -> s.call().equals(call) && PROVIDER.equals(s.provider())).toList();
		assertEquals(1, matches.size(), () -> "one " + call + " of " + PROVIDER + " in:\n" + raw);
		return matches.get(0);
	}

	/** Whether {@code step} is nested, at any depth, in {@code ancestor}. */
	private static boolean descends(List<Step> trace, Step step, Step ancestor) {
		long parent = step.parent();
		while (parent > 0) {
			if (parent == ancestor.seq()) {
				return true;
			}
			long current = parent;
			parent = trace.stream().filter(s -> s.seq() == current).findFirst().map(Step::parent).orElse(0L);
		}
		return false;
	}

	/** One trace line: the fields these checks need, and the line itself. */
	record Step(long seq, long parent, String call, String session, String provider, String object, String raw) {
		private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
		private static final Pattern PARENT = Pattern.compile("\"parent\":(\\d+)");

		static List<Step> parse(String lines) {
			List<Step> steps = new ArrayList<>();
			for (String line : lines.lines().map(String::strip).filter(l -> l.startsWith("{\"seq\":")).toList()) {
				steps.add(new Step(number(SEQ, line), number(PARENT, line), text("call", line), text("session", line),
						text("provider", line), text("object", line), line));
			}
			return steps;
		}

		private static long number(Pattern pattern, String line) {
			Matcher m = pattern.matcher(line);
			return m.find() ? Long.parseLong(m.group(1)) : 0;
		}

		private static String text(String field, String line) {
			Matcher m = Pattern.compile("\"" + field + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
			return m.find() ? m.group(1) : null;
		}

		@Override
		public String toString() {
			return raw;
		}
	}

	/**
	 * mapihost.jar as a process whose standard input is a pipe: {@link #run} writes one command
	 * and an {@code echo} marker after it, then waits for the marker's output, so the text in
	 * between is the command's (the host runs the lines in order, on one thread). A reader thread
	 * drains the output, so the process never blocks on a full pipe.
	 */
	static final class Host implements AutoCloseable {
		private final Process process;
		private final OutputStream stdin;
		private final StringBuilder output = new StringBuilder();
		private final Thread reader;
		private int markers;

		private Host(Process process) {
			this.process = process;
			this.stdin = process.getOutputStream();
			this.reader = new Thread(this::drain, "mapihost output");
			reader.setDaemon(true);
			reader.start();
		}

		static Host start(Path work, List<String> jvmOptions) throws IOException {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(jvmOptions);
			command.add("-jar");
			command.add(jar.toString());
			return new Host(new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start());
		}

		/** Runs a command that must succeed; returns its output. */
		String ok(String command) throws Exception {
			String out = run(command);
			assertFalse(out.lines().anyMatch(l -> l.startsWith("Error: ")), () -> command + " failed:\n" + transcript());
			return out;
		}

		/** Runs a command; returns its output, an {@code Error:} line included. */
		String run(String command) throws Exception {
			String marker = "@@done-" + ++markers;
			int start;
			synchronized (output) {
				start = output.length();
			}
			stdin.write((command + "\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
			stdin.flush();
			String echoed = PROMPT + command + "\n";
			String end = "\n" + marker + "\n";
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_TIMEOUT_SECONDS);
			synchronized (output) {
				while (output.indexOf(end, start) < 0) {
					long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
					if (left <= 0 || !process.isAlive() && output.indexOf(end, start) < 0 && !reader.isAlive()) {
						fail("no end of <" + command + "> within " + COMMAND_TIMEOUT_SECONDS + " s:\n" + output);
					}
					output.wait(Math.max(1, Math.min(left, 200)));
				}
				int from = output.indexOf(echoed, start);
				from = from < 0 ? start : from + echoed.length();
				int to = output.indexOf(PROMPT + "echo " + marker, from);
				return output.substring(from, to < 0 ? output.indexOf(end, start) : to);
			}
		}

		/**
		 * Runs {@code command} every 250 ms until its output satisfies {@code done}; returns that
		 * output. Polled, bounded: FileInstall in the host's JVM scans the folder on its own clock,
		 * and the shell's answer is the only thing this process can observe.
		 */
		String poll(String command, Predicate<String> done) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FILEINSTALL_TIMEOUT_SECONDS);
			while (true) {
				String out = ok(command);
				if (done.test(out)) {
					return out;
				}
				if (System.nanoTime() > deadline) {
					fail("<" + command + "> did not show what was awaited within " + FILEINSTALL_TIMEOUT_SECONDS + " s:\n"
							+ transcript());
				}
				Thread.sleep(250);
			}
		}

		void await(String what, Check check) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FILEINSTALL_TIMEOUT_SECONDS);
			while (!check.ok()) {
				if (System.nanoTime() > deadline) {
					fail("no " + what + " within " + FILEINSTALL_TIMEOUT_SECONDS + " s:\n" + transcript());
				}
				Thread.sleep(100);
			}
		}

		/** Ends the script (standard input closed) and waits for the host to exit. */
		int exit() throws Exception {
			stdin.close();
			if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				fail("the host did not exit within " + COMMAND_TIMEOUT_SECONDS + " s after its input ended:\n" + transcript());
			}
			reader.join(TimeUnit.SECONDS.toMillis(5));
			return process.exitValue();
		}

		String transcript() {
			synchronized (output) {
				return output.toString();
			}
		}

		private void drain() {
			byte[] buffer = new byte[8192];
			try (InputStream in = process.getInputStream()) {
				for (int n; (n = in.read(buffer)) >= 0;) {
					String text = new String(buffer, 0, n, StandardCharsets.UTF_8); // ASCII output; no split characters
					synchronized (output) {
						output.append(text.replace("\r\n", "\n"));
						output.notifyAll();
					}
				}
			} catch (IOException e) {
				// the process ended
			}
		}

		@Override
		public void close() throws Exception {
			if (process.isAlive()) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}

		interface Check {
			boolean ok() throws Exception;
		}
	}

}

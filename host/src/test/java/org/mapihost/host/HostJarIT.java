package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs target/mapihost.jar as a real process, from a working directory of its own (not the
 * module), the way an operator or a test script does. Output goes to files, so a full pipe can
 * never block the process; every run has a timeout.
 */
class HostJarIT {
	private static final long TIMEOUT_SECONDS = 60;

	private static Path jar;

	@TempDir
	Path work;

	@BeforeAll
	static void findJar() {
		jar = Path.of(System.getProperty("mapihost.jar", "target/mapihost.jar")).toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn verify (bnd-export makes it in package)");
	}

	@Test
	void goodScriptExitsZero() throws Exception {
		Run run = script("""
				# log on to the embedded default profile and off again
				mapi:init
				mapi:logon default

				mapi:sessions
				mapi:logoff s1
				mapi:uninit
				""");
		run.assertExit(0);
		run.assertOut("mapi> mapi:init");
		run.assertOut("mapi> mapi:logon default\ns1");
		run.assertOut("mapi> mapi:uninit");
		assertFalse(run.out.contains("# log on"), "comments are not commands");
		run.assertNoStackTrace();
	}

	@Test
	void failingCommandMakesTheExitCodeOneAndTheScriptGoesOn() throws Exception {
		Run run = script("mapi:init\nmapi:logon nosuchprofile\nmapi:uninit\n");
		run.assertExit(1);
		run.assertErr("Error: MAPI_E_LOGON_FAILED: ");
		run.assertOut("mapi> mapi:uninit");
		run.assertNoStackTrace();
	}

	@Test
	void unknownCommandFails() throws Exception {
		Run run = script("nosuchcommand\necho after\n");
		run.assertExit(1);
		run.assertErr("Error: CommandNotFoundException: Command not found: nosuchcommand");
		run.assertOut("mapi> echo after\nafter");
		run.assertNoStackTrace();
	}

	@Test
	void standardInputIsTheScriptWhenItIsNoTerminal() throws Exception {
		Path input = Files.writeString(work.resolve("input.txt"), "mapi:init\nmapi:logon default\nmapi:uninit\n");
		Run run = run(input);
		run.assertExit(0);
		run.assertOut("mapi> mapi:logon default\ns1");
		run.assertNoStackTrace();
	}

	@Test
	void operatorProfilesInEtcAreReadyForTheFirstCommandAndLeftUntouched() throws Exception {
		Path etc = Files.createDirectories(work.resolve("etc"));
		String profile = "name = other\nentries = store\nstore.provider = org.mapihost.sample.memstore\n";
		Path file = Files.writeString(etc.resolve("org.mapihost.profile-other.cfg"), profile);
		Run run = script("mapi:init\nmapi:logon other\nmapi:logon default\nmapi:uninit\n");
		run.assertExit(0);
		run.assertOut("mapi> mapi:logon other\ns1");
		run.assertOut("mapi> mapi:logon default\ns2");
		assertEquals(profile, Files.readString(file), "FileInstall must not rewrite the operator's file");
	}

	@Test
	void systemPropertiesReachTheFramework() throws Exception {
		Path trace = work.resolve("trace.jsonl");
		Run run = script(List.of("-Dmapihost.trace=" + trace),
				"(($.context) getProperty mapihost.trace)\nmapi:init\nmapi:uninit\n");
		run.assertExit(0);
		run.assertOut("mapi> (($.context) getProperty mapihost.trace)\n" + trace);
		assertTrue(Files.readString(trace).contains("\"call\":\"MAPIInitialize\""), "the runtime writes the trace");
	}

	@Test
	void unreadableScriptIsAUsageError() throws Exception {
		Run run = run(List.of(), List.of("--script", work.resolve("missing.gosh").toString()), null);
		run.assertExit(2);
		run.assertErr("Error: cannot read the script ");
	}

	@Test
	void helpExitsZero() throws Exception {
		Run run = run(List.of(), List.of("--help"), null);
		run.assertExit(0);
		run.assertErr("Usage: java");
	}

	private Run script(String commands) throws Exception {
		return script(List.of(), commands);
	}

	private Run script(List<String> jvmOptions, String commands) throws Exception {
		Path file = Files.writeString(work.resolve("test.gosh"), commands);
		return run(jvmOptions, List.of("--script", file.toString()), null);
	}

	private Run run(Path stdin) throws Exception {
		return run(List.of(), List.of(), stdin);
	}

	private Run run(List<String> jvmOptions, List<String> args, Path stdin) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		Path out = work.resolve("stdout.txt");
		Path err = work.resolve("stderr.txt");
		Path in = stdin != null ? stdin : Files.writeString(work.resolve("empty-stdin.txt"), "");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(work.toFile()).redirectInput(Redirect.from(in.toFile()))
				.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("mapihost.jar did not end within " + TIMEOUT_SECONDS + " s: " + command + "\nstdout:\n"
					+ read(out) + "\nstderr:\n" + read(err));
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.printf("%s: exit %d after %d ms%n", args, process.exitValue(), millis);
		return new Run(process.exitValue(), read(out), read(err));
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, Charset.defaultCharset()).replace("\r\n", "\n") : "";
	}

	private record Run(int exit, String out, String err) {
		void assertExit(int expected) {
			assertEquals(expected, exit, () -> "exit code\nstdout:\n" + out + "\nstderr:\n" + err);
		}

		void assertOut(String expected) {
			assertTrue(out.contains(expected), () -> "stdout lacks <" + expected + ">:\n" + out + "\nstderr:\n" + err);
		}

		void assertErr(String expected) {
			assertTrue(err.contains(expected), () -> "stderr lacks <" + expected + ">:\n" + err);
		}

		void assertNoStackTrace() {
			assertFalse((out + err).contains("\tat "), () -> "a stack trace:\n" + out + "\n" + err);
		}
	}
}

package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * mapihost.jar as a separate JVM whose standard input is a pipe the test writes commands to, and
 * whose output goes to files ({@code <name>.out}, {@code <name>.err} in the working directory),
 * so a full pipe never blocks it and a killed host leaves its output behind. The host runs the
 * commands as they come and waits for more until the pipe is closed. Not thread-safe: one test
 * thread drives it.
 */
final class HostProcess implements AutoCloseable {
	private final Process process;
	private final OutputStream stdin;
	private final Path out;
	private final Path err;
	private final long started = System.nanoTime();

	private HostProcess(Process process, Path out, Path err) {
		this.process = process;
		this.stdin = process.getOutputStream();
		this.out = out;
		this.err = err;
	}

	static HostProcess start(Path jar, Path work, String name) throws IOException {
		return start(jar, work, name, List.of(), List.of());
	}

	/** With options for the JVM ({@code -Dname=value}) before {@code -jar} and arguments for the host after the jar. */
	static HostProcess start(Path jar, Path work, String name, List<String> jvmOptions, List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		Path out = work.resolve(name + ".out");
		Path err = work.resolve(name + ".err");
		Process process = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
				.redirectError(err.toFile()).start();
		return new HostProcess(process, out, err);
	}

	/** Writes command lines to the host's standard input. */
	void send(String commands) throws IOException {
		stdin.write(commands.getBytes(StandardCharsets.UTF_8));
		stdin.flush();
	}

	long pid() {
		return process.pid();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	long millis() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	/** SIGKILL on Linux and macOS (kill -9): no shutdown hook, no finally block runs in the host. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			fail("the host (pid " + process.pid() + ") did not die within 30 s of SIGKILL");
		}
	}

	/** Ends the script (closes standard input) and waits for the host to exit; returns its exit code. */
	int finish(long seconds) throws Exception {
		stdin.close();
		if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
			kill();
			fail("the host did not exit within " + seconds + " s after its input ended\n" + transcript());
		}
		return process.exitValue();
	}

	String out() throws IOException {
		return read(out);
	}

	String err() throws IOException {
		return read(err);
	}

	String transcript() throws IOException {
		return "stdout (" + out + "):\n" + tail(read(out)) + "\nstderr (" + err + "):\n" + tail(read(err));
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n") : "";
	}

	private static String tail(String text) {
		return text.length() <= 6000 ? text : "...\n" + text.substring(text.length() - 6000);
	}

	@Override
	public void close() throws Exception {
		if (process.isAlive()) {
			kill();
		}
	}
}

package org.mapihost.itests.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GreenMail's standalone server as a process of its own, with SMTP and POP3 on free loopback
 * ports and the given users. Its output goes to a log file (started afresh per test class), so no pipe fills up. Its jar and
 * log are framework properties set in {@code smtp.bndrun}. Not thread-safe: the test class
 * starts and stops it.
 */
final class GreenMailProcess implements AutoCloseable {
	static final String JAR_PROPERTY = "mapihost.itests.greenmail.jar";
	static final String LOG_PROPERTY = "mapihost.itests.greenmail.log";
	static final String HOST = "127.0.0.1";
	/** Starts that fail because another process took a free port in the meantime are tried again. */
	private static final int ATTEMPTS = 3;

	private final Process process;
	private final int smtpPort;
	private final int pop3Port;
	private final Path log;

	private GreenMailProcess(Process process, int smtpPort, int pop3Port, Path log) {
		this.process = process;
		this.smtpPort = smtpPort;
		this.pop3Port = pop3Port;
		this.log = log;
	}

	/**
	 * Starts GreenMail and waits (at most {@code timeoutMillis}) until both its ports accept
	 * connections.
	 *
	 * @param users GreenMail's {@code greenmail.users}: {@code login:password@domain}, ...
	 */
	static GreenMailProcess start(String jar, String logFile, String users, long timeoutMillis) {
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("no GreenMail standalone jar at " + JAR_PROPERTY + " = " + jar);
		}
		Path log = Path.of(logFile);
		try {
			Files.deleteIfExists(log);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		AssertionError failed = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			GreenMailProcess server = launch(jar, log, users);
			try {
				server.awaitListening(timeoutMillis);
				return server;
			} catch (AssertionError e) {
				server.close();
				failed = e;
			}
		}
		throw failed;
	}

	private static GreenMailProcess launch(String jar, Path log, String users) {
		int smtp = freePort();
		int pop3 = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx128m",
				"-Dgreenmail.smtp.hostname=" + HOST, "-Dgreenmail.smtp.port=" + smtp,
				"-Dgreenmail.pop3.hostname=" + HOST, "-Dgreenmail.pop3.port=" + pop3,
				"-Dgreenmail.users=" + users,
				"-jar", jar));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			return new GreenMailProcess(process, smtp, pop3, log);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot start " + command, e);
		}
	}

	/** A loopback port that nothing listens on (at the moment of asking). */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void awaitListening(long timeoutMillis) {
		Poll.until("GreenMail to listen on " + HOST + ":" + smtpPort + " (SMTP) and :" + pop3Port + " (POP3); see " + log,
				timeoutMillis, () -> process.isAlive() ? listening(smtpPort) && listening(pop3Port) ? "listening" : "starting"
						: "exited with " + process.exitValue(),
				state -> {
					if (state.startsWith("exited")) {
						throw new AssertionError("GreenMail " + state + " before it listened; see " + log);
					}
					return state.equals("listening");
				});
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 1000);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	int smtpPort() {
		return smtpPort;
	}

	Pop3Mailbox mailbox(String login, String password) {
		return new Pop3Mailbox(HOST, pop3Port, login, password);
	}

	/** Ends the process, forcibly if it does not end within a few seconds. */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}

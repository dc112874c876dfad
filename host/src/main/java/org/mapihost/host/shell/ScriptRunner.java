package org.mapihost.host.shell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.mapihost.host.profile.ProfileBootstrap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Script mode: runs the Gogo commands of a file or of standard input, one per line, in one
 * session, echoing each ({@value #PROMPT}) and printing its result as the Gogo shell would. A
 * failing command prints one {@link Failure} line on standard error and the script goes on, so
 * that clean-up lines still run.
 * <p>
 * Registered as the bnd launcher's {@code main.thread} callable: the launcher calls it on its
 * main thread once every bundle is started, stops the framework when it returns, and exits
 * with its result: 0 when every command succeeded, 1 otherwise. Enabled by {@link ShellMode}.
 * <p>
 * {@link #call()} runs once, on the launcher's thread; {@code source} is handed to
 * {@link #deactivate()}, which may run on the framework's shutdown thread, through a volatile.
 */
@Component(name = ScriptRunner.NAME, enabled = false, service = Callable.class, property = "main.thread=true")
public class ScriptRunner implements Callable<Integer> {
	static final String NAME = "org.mapihost.host.shell.ScriptRunner";
	/** Framework property naming the script: a file path, or "-" for standard input. */
	static final String SCRIPT_PROPERTY = "mapihost.script";
	/** Framework property: seconds to wait for the mapi commands and the profiles; default 30. */
	static final String TIMEOUT_PROPERTY = "mapihost.script.timeout";
	static final long DEFAULT_TIMEOUT_SECONDS = 30;
	static final String PROMPT = "mapi> ";

	@Reference
	CommandProcessor processor;

	@Reference
	ProfileBootstrap profiles;

	private final CountDownLatch finished = new CountDownLatch(1);
	private volatile ScriptSource source;
	private BundleContext context;
	private String script;
	private long timeoutSeconds;
	private PrintStream out;
	private PrintStream err;

	@Activate
	void activate(BundleContext context) {
		// the process's own streams: System.out may be Gogo's per-thread stream by now
		Charset charset = Charset.defaultCharset();
		this.out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
		this.err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
		this.context = context;
		this.script = context.getProperty(SCRIPT_PROPERTY);
		String timeout = context.getProperty(TIMEOUT_PROPERTY);
		this.timeoutSeconds = timeoutSeconds(timeout);
		if (timeoutSeconds < 0) {
			err.println("Warning: " + TIMEOUT_PROPERTY + "=" + timeout + " is not a number of seconds; using "
					+ DEFAULT_TIMEOUT_SECONDS);
			timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
		}
	}

	@Deactivate
	void deactivate() throws InterruptedException {
		ScriptSource running = source;
		if (running != null) {
			running.close();
			// let call() return its result before the framework is gone, so the exit code is kept
			finished.await(5, TimeUnit.SECONDS);
		}
	}

	@Override
	public Integer call() {
		System.setProperty(ShellMode.CONSOLE_STARTED_PROPERTY, "true");
		try (ScriptSource lines = ScriptSource.open(script)) {
			source = lines;
			boolean ok = awaitReadiness();
			CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err);
			try {
				for (String line; (line = lines.next()) != null;) {
					ok &= execute(session, line);
				}
			} finally {
				session.close();
			}
			return ok ? 0 : 1;
		} catch (IOException e) {
			err.println("Error: cannot read the script " + script + ": " + e.getMessage());
			return 1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("Error: the script was interrupted");
			return 1;
		} finally {
			out.flush();
			err.flush();
			finished.countDown();
		}
	}

	private boolean execute(CommandSession session, String line) {
		out.println(PROMPT + line);
		try {
			Object result = session.execute(line);
			if (result != null) {
				out.println(format(session, result));
			}
			return true;
		} catch (Exception | LinkageError e) {
			err.println(Failure.describe(e));
			return false;
		}
	}

	private static CharSequence format(CommandSession session, Object result) {
		if (result instanceof CharSequence text) {
			return text;
		}
		try {
			return session.format(result, Converter.INSPECT);
		} catch (RuntimeException e) { // e.g. a JDK-internal type Gogo cannot inspect on JDK 17
			return String.valueOf(result);
		}
	}

	private boolean awaitReadiness() throws InterruptedException {
		Readiness readiness = new Readiness(context, TimeUnit.SECONDS.toMillis(timeoutSeconds));
		if (!readiness.commands()) {
			err.println("Error: the mapi commands did not appear within " + timeoutSeconds
					+ " s; is the bundle org.mapihost.runtime active? (try: lb)");
			return false;
		}
		List<String> missing = readiness.missingProfiles(profiles.expectedPids());
		if (!missing.isEmpty()) {
			err.println("Warning: the runtime has not picked up the profile configuration(s) " + missing
					+ " within " + timeoutSeconds + " s");
		}
		return true;
	}

	/** @return the seconds {@code value} gives, the default when it gives none, -1 when it is bad */
	static long timeoutSeconds(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_TIMEOUT_SECONDS;
		}
		try {
			long seconds = Long.parseLong(value.trim());
			return seconds < 0 ? -1 : seconds;
		} catch (NumberFormatException e) {
			return -1;
		}
	}
}

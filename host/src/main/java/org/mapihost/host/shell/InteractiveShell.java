package org.mapihost.host.shell;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The interactive console: gogo.jline's own {@link Shell} on the system terminal, run on the
 * launcher's main thread as its {@code main.thread} callable. Ctrl-D ends the shell, and the
 * launcher then stops the framework and exits 0.
 * <p>
 * Why not gogo.jline's bundle activator, which starts the same shell: JLine 3.2x finds its
 * terminal providers (exec, jni, ...) through the thread's context class loader, which in a
 * framework is not JLine's, so that shell always gets a dumb terminal (no line editing, no
 * history) and warns about it. Here the terminal is built with JLine's class loader as the
 * context class loader. The launcher's {@code Main} keeps gogo.jline's own shell quiet
 * ({@code gosh.args=--nointeractive}, an empty profile, a dumb terminal that reads nothing).
 * <p>
 * {@link #call()} runs once, on the launcher's thread; {@link #deactivate()} (framework stopped
 * from inside, e.g. {@code stop 0}) may run on another. {@code lock} guards {@code running},
 * so that the launcher's thread is only interrupted while the shell runs on it.
 */
@Component(name = InteractiveShell.NAME, enabled = false, service = Callable.class, property = "main.thread=true")
public class InteractiveShell implements Callable<Integer> {
	static final String NAME = "org.mapihost.host.shell.InteractiveShell";
	/** Framework property: {@value #INTERACTIVE} when the launcher's Main wants this console. */
	static final String SHELL_PROPERTY = "mapihost.shell";
	static final String INTERACTIVE = "interactive";
	/** Framework property: the operator's own {@code gosh.home}, which Main moved aside. */
	static final String GOSH_HOME_PROPERTY = "mapihost.gosh.home";

	@Reference
	CommandProcessor processor;

	private final CountDownLatch finished = new CountDownLatch(1);
	private final Object lock = new Object();
	private boolean running;
	private Shell shell;
	private Terminal terminal;
	private Thread thread;
	private BundleContext context;

	@Activate
	void activate(BundleContext context) {
		this.context = context;
	}

	@Deactivate
	void deactivate() throws InterruptedException, IOException {
		synchronized (lock) {
			if (!running) {
				return;
			}
			shell.stop(); // as gogo.jline stops its shell
			terminal.close();
			thread.interrupt(); // ends the line reader's wait
		}
		finished.await(5, TimeUnit.SECONDS);
	}

	@Override
	public Integer call() throws Exception {
		System.setProperty(ShellMode.CONSOLE_STARTED_PROPERTY, "true");
		try (Terminal opened = systemTerminal()) {
			CommandSession session = processor.createSession(opened.input(), opened.output(), opened.output());
			try {
				session.put(Shell.VAR_TERMINAL, opened);
				Shell gosh = new Shell(new ShellContext(), processor);
				synchronized (lock) {
					running = true;
					shell = gosh;
					terminal = opened;
					thread = Thread.currentThread();
				}
				gosh.gosh(session, new String[] { "--login" });
			} finally {
				session.close();
			}
			return 0;
		} finally {
			synchronized (lock) {
				running = false;
				Thread.interrupted(); // the launcher goes on to wait for the framework on this thread
			}
			finished.countDown();
		}
	}

	static Terminal systemTerminal() throws IOException {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(TerminalBuilder.class.getClassLoader());
		try {
			return builder().dumb(false).build();
		} catch (IllegalStateException | IOException noSystemTerminal) {
			return builder().dumb(true).build(); // still a console, without line editing
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static TerminalBuilder builder() {
		// as gogo.jline builds its terminal: Ctrl-C goes to the running command, not to the JVM
		return TerminalBuilder.builder().name("mapihost").system(true).nativeSignals(true)
				.signalHandler(Terminal.SignalHandler.SIG_IGN);
	}

	/** What the shell asks of its surroundings. */
	private final class ShellContext implements Shell.Context {
		@Override
		public String getProperty(String name) {
			return "gosh.home".equals(name) ? context.getProperty(GOSH_HOME_PROPERTY) : context.getProperty(name);
		}

		@Override
		public void exit() {
			// end of input: gosh returns, call() returns 0, and the launcher stops the framework
		}
	}
}

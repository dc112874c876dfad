package org.mapihost.host.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Main-Class of {@code mapihost.jar}: picks the console, then runs bnd's
 * {@code aQute.launcher.pre.EmbeddedLauncher} in this JVM and turns its outcome into the exit
 * code. The console is a component of the host bundle that the launcher calls on its main
 * thread once every bundle is started (its {@code main.thread} callable); when it returns, the
 * launcher stops the framework and its result is the exit code.
 * <ul>
 * <li>{@code --script FILE}, or standard input not a terminal: {@value #SCRIPT_PROPERTY} names
 * the script ({@value #STDIN} for standard input); the ScriptRunner returns 0 when every
 * command succeeded, else 1.</li>
 * <li>Otherwise {@value #SHELL_PROPERTY}={@value #INTERACTIVE}: the InteractiveShell, gogo.jline's
 * shell on the system terminal, returns 0 at Ctrl-D.</li>
 * </ul>
 * A stop from inside ({@code stop 0}) also exits 0, not with bnd's 117: with
 * {@code launch.framework.restart=true} the launcher's framework waiter does not call
 * {@code System.exit(117)} but ends the launch with a {@code FrameworkRestart} error, which this
 * class takes as the normal end; a returned 117 is mapped to 0 as well.
 * <p>
 * Runs on the application class path, outside the framework: JDK classes only, and the
 * launcher is reached by reflection (it is not on the compile path).
 */
public final class Main {
	/** Framework property naming the script: a file path, or {@value #STDIN} for standard input. */
	public static final String SCRIPT_PROPERTY = "mapihost.script";
	/** The {@value #SCRIPT_PROPERTY} value for standard input. */
	public static final String STDIN = "-";
	/** Framework property: {@value #INTERACTIVE} for the host's interactive shell. */
	public static final String SHELL_PROPERTY = "mapihost.shell";
	public static final String INTERACTIVE = "interactive";
	/** Framework property: the operator's own {@code gosh.home}, for the interactive shell. */
	public static final String GOSH_HOME_PROPERTY = "mapihost.gosh.home";
	/** System property the console sets when the launcher has called it. */
	public static final String CONSOLE_STARTED_PROPERTY = "mapihost.console.started";
	/** System property: seconds to wait for the console before giving up; default 60. */
	public static final String CONSOLE_TIMEOUT_PROPERTY = "mapihost.console.timeout";

	static final int OK = 0;
	static final int FAILED = 1;
	static final int USAGE = 2;
	/** bnd's {@code LauncherConstants.STOPPED}: the framework was stopped. */
	static final int LAUNCHER_STOPPED = 117;

	private static final String DEMO_SCRIPT = "demo.gosh";
	private static final String EMBEDDED_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";
	private static final String USAGE_TEXT = String.join(System.lineSeparator(),
			"Usage: java [-Dname=value...] -jar mapihost.jar [--script FILE]",
			"  --script FILE  run the Gogo commands in FILE, one per line, then stop;",
			"                 exit 0 when all succeeded, 1 when any failed",
			"  (no option)    interactive shell when standard input is a terminal,",
			"                 otherwise the commands on standard input as with --script",
			"  --demo         the sample round trip: Alice mails Bob through the peer transport,",
			"                 then everything shuts down and the protocol trace is printed",
			"  -h, --help     this text");

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.err));
	}

	static int run(String[] args, PrintStream err) {
		Options options;
		try {
			options = Options.parse(args, Terminal.stdinIsTerminal());
		} catch (IllegalArgumentException e) {
			err.println("Error: " + e.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		if (options.help()) {
			err.println(USAGE_TEXT);
			return OK;
		}
		if (options.demo()) {
			try {
				System.setProperty(SCRIPT_PROPERTY, demoScript().toString());
			} catch (IOException e) {
				err.println("Error: cannot write the demo script: " + e.getMessage());
				return FAILED;
			}
		} else if (options.script() != null) {
			String script = options.script();
			if (!STDIN.equals(script)) {
				Path file = Path.of(script).toAbsolutePath().normalize();
				if (!Files.isReadable(file) || Files.isDirectory(file)) {
					err.println("Error: cannot read the script " + file);
					return USAGE;
				}
				script = file.toString();
			}
			System.setProperty(SCRIPT_PROPERTY, script);
		} else {
			System.setProperty(SHELL_PROPERTY, INTERACTIVE);
		}
		quietGogoShell(err);
		System.setProperty("launch.framework.restart", "true");
		watchForConsole(err);
		return exitCode(options.launcherArgs(), err);
	}

	/** The demo script, copied out of this jar into a temporary file the script runner can read. */
	static Path demoScript() throws IOException {
		try (InputStream in = Main.class.getResourceAsStream(DEMO_SCRIPT)) {
			if (in == null) {
				throw new IOException("the jar lacks " + DEMO_SCRIPT);
			}
			Path file = Files.createTempFile("mapihost-demo", ".gosh");
			file.toFile().deleteOnExit();
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
	}

	/**
	 * The launcher waits for its {@code main.thread} service without end, and gogo.jline is kept
	 * quiet, so a host bundle that cannot start its console would leave a silent process. Give
	 * up, loudly, when the console has not started in time.
	 */
	private static void watchForConsole(PrintStream err) {
		long seconds = 60;
		try {
			seconds = Long.parseLong(System.getProperty(CONSOLE_TIMEOUT_PROPERTY, "60").trim());
		} catch (NumberFormatException e) {
			err.println("Warning: " + CONSOLE_TIMEOUT_PROPERTY + " is not a number of seconds; using 60");
		}
		long timeout = TimeUnit.SECONDS.toMillis(seconds);
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(timeout);
			} catch (InterruptedException e) {
				return;
			}
			if (System.getProperty(CONSOLE_STARTED_PROPERTY) == null) {
				err.println("Error: the host console did not start within " + timeout / 1000
						+ " s; is the bundle org.mapihost.host active? (launch with -Dlaunch.trace=true to see more)");
				System.exit(FAILED);
			}
		}, "mapihost console watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private static int exitCode(String[] launcherArgs, PrintStream err) {
		try {
			int code = launch(launcherArgs);
			return code == LAUNCHER_STOPPED ? OK : code;
		} catch (Throwable t) { // the launcher's own errors; a stack trace helps nobody here
			if ("FrameworkRestart".equals(t.getClass().getSimpleName())) {
				return OK;
			}
			err.println("Error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
			return FAILED;
		}
	}

	private static int launch(String[] launcherArgs) throws Throwable {
		try {
			Class<?> launcher = Class.forName(EMBEDDED_LAUNCHER);
			Object instance = launcher.getConstructor().newInstance();
			return (Integer) launcher.getMethod("run", String[].class).invoke(instance, (Object) launcherArgs);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	/**
	 * The host bundle runs the console (script or interactive) in a session of its own, so
	 * gogo.jline's activator must neither read standard input nor print: its shell runs with
	 * {@code --nointeractive} on a dumb terminal (which reads only when asked) and sources an
	 * empty profile from a private {@code gosh.home} (its built-in profile fails without a line
	 * reader and prints a stack trace). The operator's {@code gosh.home} goes on to the
	 * interactive shell as {@value #GOSH_HOME_PROPERTY}.
	 */
	private static void quietGogoShell(PrintStream err) {
		System.setProperty("gosh.args", "--nointeractive");
		System.setProperty("org.jline.terminal.dumb", "true");
		String goshHome = System.getProperty("gosh.home");
		if (goshHome != null) {
			System.setProperty(GOSH_HOME_PROPERTY, goshHome);
		}
		try {
			System.setProperty("gosh.home", quietGoshHome().toString());
		} catch (IOException e) {
			err.println("Warning: cannot make an empty gosh profile (" + e.getMessage() + ")");
		}
	}

	static Path quietGoshHome() throws IOException {
		Path home = Files.createTempDirectory("mapihost-gosh");
		Path etc = Files.createDirectories(home.resolve("etc"));
		Path profile = Files.writeString(etc.resolve("gosh_profile"),
				"# gogo.jline's own shell in mapihost: the host runs the console; nothing to set up here\n");
		// deleteOnExit deletes in the reverse order: the profile, etc, then home
		home.toFile().deleteOnExit();
		etc.toFile().deleteOnExit();
		profile.toFile().deleteOnExit();
		return home;
	}

	/** The command line: the script to run, if any, and what goes on to the launcher. */
	record Options(String script, boolean help, boolean demo, String[] launcherArgs) {
		static Options parse(String[] args, boolean stdinIsTerminal) {
			String script = null;
			boolean help = false;
			boolean demo = false;
			List<String> rest = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--script")) {
					if (i + 1 == args.length) {
						throw new IllegalArgumentException("--script needs a FILE");
					}
					script = args[++i];
				} else if (arg.startsWith("--script=")) {
					script = arg.substring("--script=".length());
				} else if (arg.equals("--demo")) {
					demo = true;
				} else if (arg.equals("-h") || arg.equals("--help")) {
					help = true;
				} else {
					rest.add(arg);
				}
			}
			if (script != null && script.isEmpty()) {
				throw new IllegalArgumentException("--script needs a FILE");
			}
			if (demo && script != null) {
				throw new IllegalArgumentException("--demo runs its own script; it takes no --script");
			}
			if (script == null && !demo && !stdinIsTerminal) {
				script = STDIN;
			}
			return new Options(script, help, demo, rest.toArray(new String[0]));
		}
	}

	/** Whether standard input is a terminal (Java 17 has no direct way to ask). */
	static final class Terminal {
		private Terminal() {
		}

		static boolean stdinIsTerminal() {
			Path stdin = Path.of("/proc/self/fd/0");
			if (Files.exists(stdin)) { // Linux: where does file descriptor 0 point?
				try {
					String target = Files.readSymbolicLink(stdin).toString();
					return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
							|| target.equals("/dev/console");
				} catch (IOException | UnsupportedOperationException e) {
					// fall through to the portable guess
				}
			}
			return System.console() != null;
		}
	}
}

package org.mapihost.host.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints the OSGi Log service's entries on standard error, one line each: Felix Log only keeps
 * them in memory, and no bundle we ship prints them. The level is the Log service's own root
 * level, the framework property {@value #LEVEL_PROPERTY} (WARN in mapihost.bndrun;
 * {@code -Dorg.osgi.service.log.admin.loglevel=INFO} shows the runtime's lifecycle): it decides
 * which entries loggers make, and this listener drops what is below it. The framework, bundle
 * and service events the Log service records itself (INFO, DEBUG) are shown at DEBUG only.
 * <p>
 * Felix Log calls {@link #logged(LogEntry)} on its own thread; the stream is thread-safe and
 * {@code threshold} is set before the listener is added.
 */
@Component(immediate = true)
public class ConsoleLog implements LogListener {
	static final String LEVEL_PROPERTY = "org.osgi.service.log.admin.loglevel";
	static final String EVENTS_LOGGER_PREFIX = "Events.";

	@Reference
	LogReaderService logReader;

	private final PrintStream err;
	private volatile LogLevel threshold = LogLevel.WARN;

	public ConsoleLog() {
		this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, Charset.defaultCharset()));
	}

	ConsoleLog(PrintStream err) {
		this.err = err;
	}

	@Activate
	void activate(BundleContext context) {
		threshold = level(context.getProperty(LEVEL_PROPERTY));
		logReader.addLogListener(this);
	}

	@Deactivate
	void deactivate() {
		logReader.removeLogListener(this);
	}

	@Override
	public void logged(LogEntry entry) {
		if (shows(threshold, entry)) {
			err.println(format(entry));
		}
	}

	/**
	 * @return whether the entry is at or above the threshold; the Log service's own records of
	 *         framework, bundle and service events (logger names {@code Events.*}) only at DEBUG,
	 *         unless they report a problem
	 */
	static boolean shows(LogLevel threshold, LogEntry entry) {
		LogLevel level = entry.getLogLevel();
		if (!threshold.implies(level)) {
			return false;
		}
		String logger = entry.getLoggerName();
		return logger == null || !logger.startsWith(EVENTS_LOGGER_PREFIX) || LogLevel.WARN.implies(level)
				|| threshold.implies(LogLevel.DEBUG);
	}

	LogLevel level(String name) {
		if (name != null) {
			try {
				return LogLevel.valueOf(name.trim().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				err.println("Warning: " + LEVEL_PROPERTY + "=" + name + " is not a log level; using WARN");
			}
		}
		return LogLevel.WARN;
	}

	static String format(LogEntry entry) {
		StringBuilder line = new StringBuilder().append(entry.getLogLevel()).append(' ');
		Bundle bundle = entry.getBundle();
		line.append(bundle == null ? "-" : bundle.getSymbolicName()).append(": ").append(entry.getMessage());
		Throwable exception = entry.getException();
		if (exception != null) {
			line.append(" (").append(exception.getClass().getName());
			if (exception.getMessage() != null) {
				line.append(": ").append(exception.getMessage());
			}
			line.append(')');
		}
		return line.toString();
	}
}

package org.mapihost.itests.libraries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * The runtime's warnings and errors: those of the test that runs are echoed to standard output, so
 * that a failed run's output shows what the runtime said; those of the whole run (the bndrun keeps
 * Felix Log's history unbounded) serve assertions such as "a clear log line".
 * Concurrency: the entries are copy-on-write.
 */
final class RuntimeLog implements LogListener, AutoCloseable {
	private static final String RUNTIME = "org.mapihost.runtime";

	private final LogReaderService reader;
	private final List<String> lines = new CopyOnWriteArrayList<>();

	private RuntimeLog(LogReaderService reader) {
		this.reader = reader;
	}

	static RuntimeLog open(LogReaderService reader) {
		RuntimeLog log = new RuntimeLog(reader);
		reader.addLogListener(log);
		return log;
	}

	@Override
	public void logged(LogEntry entry) {
		if (isRuntimeWarning(entry)) {
			String line = entry.getLogLevel() + " " + entry.getMessage()
					+ (entry.getException() == null ? "" : " (" + entry.getException() + ")");
			lines.add(line);
			System.out.println("[runtime log] " + line);
		}
	}

	/** The warnings and errors while this test ran. */
	List<String> lines() {
		return List.copyOf(lines);
	}

	/** The runtime's warnings and errors of the whole run that the log service kept, oldest first. */
	List<String> history() {
		List<String> said = new ArrayList<>();
		Enumeration<LogEntry> entries = reader.getLog();
		while (entries.hasMoreElements()) {
			LogEntry entry = entries.nextElement();
			if (isRuntimeWarning(entry)) {
				said.add(entry.getMessage());
			}
		}
		Collections.reverse(said);
		return said;
	}

	private static boolean isRuntimeWarning(LogEntry entry) {
		return LogLevel.WARN.implies(entry.getLogLevel()) && entry.getBundle() != null
				&& RUNTIME.equals(entry.getBundle().getSymbolicName());
	}

	@Override
	public void close() {
		reader.removeLogListener(this);
	}
}

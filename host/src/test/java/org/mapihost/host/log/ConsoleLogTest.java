package org.mapihost.host.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

class ConsoleLogTest {
	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
	private final ConsoleLog log = new ConsoleLog(new PrintStream(printed, true, StandardCharsets.UTF_8));

	@Test
	void oneLineWithBundleAndException() {
		LogEntry entry = entry(LogLevel.ERROR, "org.mapihost.runtime.Foo", "cannot bind",
				new IllegalStateException("gone"));
		assertEquals("ERROR org.mapihost.runtime: cannot bind (java.lang.IllegalStateException: gone)",
				ConsoleLog.format(entry));
	}

	@Test
	void belowTheThresholdIsDropped() {
		assertTrue(ConsoleLog.shows(LogLevel.WARN, entry(LogLevel.WARN, "x", "m", null)));
		assertTrue(ConsoleLog.shows(LogLevel.WARN, entry(LogLevel.ERROR, "x", "m", null)));
		assertFalse(ConsoleLog.shows(LogLevel.WARN, entry(LogLevel.INFO, "x", "m", null)));
		assertTrue(ConsoleLog.shows(LogLevel.INFO, entry(LogLevel.INFO, "x", "m", null)));
	}

	@Test
	void frameworkEventsOnlyAtDebugUnlessTheyReportAProblem() {
		assertFalse(ConsoleLog.shows(LogLevel.INFO, entry(LogLevel.INFO, "Events.Service", "REGISTERED", null)));
		assertTrue(ConsoleLog.shows(LogLevel.DEBUG, entry(LogLevel.INFO, "Events.Service", "REGISTERED", null)));
		assertTrue(ConsoleLog.shows(LogLevel.WARN, entry(LogLevel.ERROR, "Events.Framework", "ERROR", null)));
	}

	@Test
	void unknownLevelFallsBackToWarn() {
		assertEquals(LogLevel.INFO, log.level("info"));
		assertEquals(LogLevel.WARN, log.level(null));
		assertEquals(LogLevel.WARN, log.level("loud"));
		assertTrue(printed.toString(StandardCharsets.UTF_8).contains("is not a log level"));
	}

	@Test
	void printsWhatItShows() {
		log.logged(entry(LogLevel.WARN, "x", "shown", null));
		log.logged(entry(LogLevel.DEBUG, "x", "dropped", null));
		assertEquals("WARN org.mapihost.runtime: shown" + System.lineSeparator(),
				printed.toString(StandardCharsets.UTF_8));
	}

	private static LogEntry entry(LogLevel level, String logger, String message, Throwable exception) {
		Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
				(proxy, method, args) -> "getSymbolicName".equals(method.getName()) ? "org.mapihost.runtime" : null);
		return (LogEntry) Proxy.newProxyInstance(LogEntry.class.getClassLoader(), new Class<?>[] { LogEntry.class },
				(proxy, method, args) -> switch (method.getName()) {
				case "getLogLevel" -> level;
				case "getLoggerName" -> logger;
				case "getMessage" -> message;
				case "getException" -> exception;
				case "getBundle" -> bundle;
				default -> null;
				});
	}
}

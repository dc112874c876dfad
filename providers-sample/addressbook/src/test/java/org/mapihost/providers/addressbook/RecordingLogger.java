package org.mapihost.providers.addressbook;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.osgi.service.log.Logger;

/**
 * An OSGi {@link Logger} that keeps each line as {@code LEVEL message}, with the
 * {@code {}} placeholders filled in; debug included. Thread-safe.
 */
final class RecordingLogger {
	private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "audit");

	private final List<String> lines = new ArrayList<>();
	final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
			(proxy, method, args) -> {
				String name = method.getName();
				if (LEVELS.contains(name) && args != null && args.length > 0 && args[0] instanceof String format) {
					record(name, format, args);
					return null;
				}
				return switch (name) {
				case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled", "isWarnEnabled", "isErrorEnabled" -> true;
				case "getName" -> "test";
				case "toString" -> "RecordingLogger";
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == args[0];
				default -> null;
				};
			});

	private void record(String level, String format, Object[] args) {
		String message = format;
		Object[] values = args.length == 2 && args[1] instanceof Object[] varargs ? varargs : Arrays.copyOfRange(args, 1, args.length);
		for (Object value : values) {
			message = message.replaceFirst("\\{\\}", Matcher.quoteReplacement(String.valueOf(value)));
		}
		synchronized (lines) {
			lines.add(level.toUpperCase() + " " + message);
		}
	}

	List<String> lines() {
		synchronized (lines) {
			return List.copyOf(lines);
		}
	}

	List<String> lines(String level) {
		return lines().stream().filter(line -> line.startsWith(level.toUpperCase() + " ")).toList();
	}
}

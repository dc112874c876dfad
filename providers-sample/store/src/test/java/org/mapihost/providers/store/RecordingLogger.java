package org.mapihost.providers.store;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.service.log.Logger;

/**
 * An OSGi {@link Logger} that records each call as {@code level: format}; the other methods of
 * the interface answer false / null. Thread-safe.
 */
final class RecordingLogger {
	final List<String> lines = Collections.synchronizedList(new ArrayList<>());
	final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
			(proxy, method, args) -> {
				String name = method.getName();
				if (List.of("trace", "debug", "info", "warn", "error", "audit").contains(name) && args != null
						&& args[0] instanceof String format) {
					lines.add(name + ": " + format);
					return null;
				}
				return switch (name) {
					case "getName" -> "test";
					case "toString" -> "RecordingLogger";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
				};
			});

	List<String> at(String level) {
		synchronized (lines) {
			return lines.stream().filter(line -> line.startsWith(level + ": ")).toList();
		}
	}
}

package org.mapihost.providers.transport.peer;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/**
 * A {@link Logger} that records the level, the format and the arguments of every log call.
 */
final class RecordingLogger {
	final List<String> lines = new CopyOnWriteArrayList<>();
	final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
			(proxy, method, args) -> {
				if (method.getReturnType() == boolean.class) {
					return true;
				}
				if (method.getReturnType() == void.class && args != null && args[0] instanceof String format) {
					lines.add(method.getName() + " " + format + " " + Arrays.deepToString(Arrays.copyOfRange(args, 1, args.length)));
					return null;
				}
				return method.getReturnType() == String.class ? "test" : null;
			});
}

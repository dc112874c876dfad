package org.mapihost.providers.memxp;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.log.Logger;

/**
 * A {@link Logger} that records the level and format of every log call.
 */
final class RecordingLogger {
	final List<String> lines = new ArrayList<>();
	final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
			(proxy, method, args) -> {
				if (method.getReturnType() == boolean.class) {
					return true;
				}
				if (method.getReturnType() == void.class && args != null && args[0] instanceof String format) {
					lines.add(method.getName() + " " + format);
					return null;
				}
				return method.getReturnType() == String.class ? "test" : null;
			});
}

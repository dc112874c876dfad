package org.mapihost.runtime.shell;

import java.util.List;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/** One shell command: its name, its usage line, and what it does with its arguments. */
record Command(String name, String usage, int minArgs, int maxArgs, Body body) {
	@FunctionalInterface
	interface Body {
		Object run(List<String> args);
	}

	Object execute(List<Object> arguments) {
		List<String> args = arguments.stream().map(String::valueOf).toList();
		if (args.size() < minArgs || args.size() > maxArgs) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "usage: mapi:" + name + " " + usage);
		}
		return body.run(args);
	}
}

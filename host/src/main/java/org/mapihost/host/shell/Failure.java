package org.mapihost.host.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;

import org.mapihost.api.MapiException;

/**
 * The one line a failing command prints: {@code Error: <MAPI result name>: <sentence>} for a
 * {@link MapiException} (also when it is the cause of what the command threw), else
 * {@code Error: <exception class>: <message>}. Never a stack trace.
 */
final class Failure {
	private Failure() {
	}

	static String describe(Throwable thrown) {
		Throwable failure = unwrap(thrown);
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof MapiException mapi) {
				return "Error: " + mapi.code() + ": " + mapi.sentence();
			}
			if (t.getCause() == t) {
				break;
			}
		}
		String message = failure.getMessage();
		return "Error: " + failure.getClass().getSimpleName()
				+ (message == null || message.isBlank() ? "" : ": " + message);
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable t = thrown;
		while ((t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException)
				&& t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}
}

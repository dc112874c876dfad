package org.mapihost.api;

import java.util.Objects;

/**
 * A MAPI call failed with a result code: the Java form of a failing {@code HRESULT}.
 * <p>
 * Unchecked, so that call chains stay readable; every method that can fail says so in its
 * Javadoc with the codes it uses.
 *
 * @since 1.0
 */
public class MapiException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final ResultCode code;

	/**
	 * @param code    the failing result code; not a success code
	 * @param message a sentence that names what was wrong
	 */
	public MapiException(ResultCode code, String message) {
		this(code, message, null);
	}

	/**
	 * @param code    the failing result code; not a success code
	 * @param message a sentence that names what was wrong
	 * @param cause   the underlying failure, or {@code null}
	 */
	public MapiException(ResultCode code, String message, Throwable cause) {
		super(code + ": " + message, cause);
		this.code = Objects.requireNonNull(code, "code");
		if (code.succeeded()) {
			throw new IllegalArgumentException("a MapiException needs a failure code, not " + code);
		}
	}

	/**
	 * @return the result code this failure stands for
	 */
	public ResultCode code() {
		return code;
	}

	/**
	 * @return the message without the leading result-code name
	 */
	public String sentence() {
		String message = getMessage();
		String prefix = code + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}
}

package org.mapihost.providers.store.maildir;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * A message's Maildir unique name: its file name without the {@code :2,<flags>} info suffix,
 * the same in {@code new/} and {@code cur/} and across folders. Immutable.
 * <p>
 * Only names that cannot denote a path are accepted: printable ASCII without blanks,
 * {@code /}, {@code \} or {@code :}, not starting with a dot (which also rules out {@code .}
 * and {@code ..}), at most {@value #MAX_LENGTH} characters.
 */
public final class MessageId {
	/** The longest unique name accepted; leaves room for the info suffix within 255 bytes. */
	public static final int MAX_LENGTH = 200;

	private final String name;

	private MessageId(String name) {
		this.name = name;
	}

	/**
	 * @param name a Maildir unique name
	 * @return the message ID
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} naming what is wrong
	 */
	public static MessageId of(String name) {
		String problem = problemWith(name);
		if (problem != null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, problem);
		}
		return new MessageId(name);
	}

	/**
	 * @return a new unique name in the form the Maildir spec recommends
	 */
	public static MessageId unique() {
		return UniqueNames.next();
	}

	/**
	 * @return the reason the name is refused, or {@code null} when it is acceptable
	 */
	static String problemWith(String name) {
		if (name == null || name.isEmpty()) {
			return "a message needs a unique name";
		}
		if (name.length() > MAX_LENGTH) {
			return "the message name " + Printable.quote(name) + " is longer than " + MAX_LENGTH + " characters";
		}
		if (name.charAt(0) == '.') {
			return "the message name " + Printable.quote(name) + " starts with a dot";
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= ' ' || c > '~' || c == '/' || c == '\\' || c == ':') {
				return "the message name " + Printable.quote(name) + " contains " + Printable.quote(String.valueOf(c))
						+ "; only printable ASCII without blanks, '/', '\\' or ':' is allowed";
			}
		}
		return null;
	}

	/**
	 * @return the unique name
	 */
	public String name() {
		return name;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MessageId id && name.equals(id.name);
	}

	@Override
	public int hashCode() {
		return name.hashCode();
	}

	@Override
	public String toString() {
		return name;
	}
}

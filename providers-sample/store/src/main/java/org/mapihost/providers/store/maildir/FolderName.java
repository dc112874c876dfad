package org.mapihost.providers.store.maildir;

import java.util.List;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * The name of a folder in a {@link Maildir}: the Inbox (the Maildir root itself, as in
 * Maildir++) or a flat sub-folder stored as the directory {@code .<name>}. Immutable.
 * <p>
 * A name can never denote a path: separators, dots (Maildir++'s hierarchy separator, so also
 * {@code ..} and leading-dot tricks), control and formatting characters (bidi overrides),
 * characters Windows forbids in file names, surrounding blanks and names longer than
 * {@value #MAX_LENGTH} characters are refused. Names are stored as UTF-8; Dovecot, which
 * expects modified UTF-7 on disk, shows non-ASCII names differently.
 */
public final class FolderName {
	/** The most characters (code points) a folder name may have; keeps {@code .<name>} under 255 bytes. */
	public static final int MAX_LENGTH = 60;

	public static final FolderName INBOX = new FolderName("Inbox");
	public static final FolderName OUTBOX = new FolderName("Outbox");
	public static final FolderName SENT_ITEMS = new FolderName("Sent Items");
	public static final FolderName DELETED_ITEMS = new FolderName("Deleted Items");

	/** The folders every store has; none of them can be deleted. */
	public static final List<FolderName> STANDARD = List.of(INBOX, OUTBOX, SENT_ITEMS, DELETED_ITEMS);

	private static final String FORBIDDEN = "/\\.:*?\"<>|";

	private final String name;

	private FolderName(String name) {
		this.name = name;
	}

	/**
	 * @param name a display name such as {@code Sent Items}; {@code Inbox} in any case is the Inbox
	 * @return the folder name
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} naming what is wrong
	 */
	public static FolderName of(String name) {
		String problem = problemWith(name);
		if (problem != null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, problem);
		}
		return INBOX.name.equalsIgnoreCase(name) ? INBOX : new FolderName(name);
	}

	/**
	 * @param directoryName the name of a directory inside the Maildir root
	 * @return the folder it holds, or {@code null} when it is not a folder this store accepts
	 *         (nested Maildir++ folders, {@code ..} names, invalid names)
	 */
	static FolderName fromDirectoryName(String directoryName) {
		if (directoryName.length() < 2 || directoryName.charAt(0) != '.') {
			return null;
		}
		String candidate = directoryName.substring(1);
		return problemWith(candidate) == null && !INBOX.name.equalsIgnoreCase(candidate) ? new FolderName(candidate) : null;
	}

	/**
	 * @return the reason the name is refused, or {@code null} when it is acceptable
	 */
	static String problemWith(String name) {
		if (name == null || name.isEmpty()) {
			return "a folder needs a name";
		}
		String shown = Printable.quote(name);
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			return "the folder name " + shown + " is longer than " + MAX_LENGTH + " characters";
		}
		if (name.isBlank() || Character.isWhitespace(name.codePointAt(0))
				|| Character.isWhitespace(name.codePointBefore(name.length()))) {
			return "the folder name " + shown + " starts or ends with a blank";
		}
		for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
			int c = name.codePointAt(i);
			if (FORBIDDEN.indexOf(c) >= 0) {
				return "the folder name " + shown + " contains '" + Character.toString(c)
						+ "'; folder names may not contain any of " + FORBIDDEN + " (no paths, no nested folders)";
			}
			if (!Printable.isPrintable(c)) {
				return "the folder name " + shown + " contains the control or formatting character U+"
						+ String.format("%04X", c);
			}
		}
		return null;
	}

	/**
	 * @return {@code true} for the Inbox, which is the Maildir root
	 */
	public boolean isInbox() {
		return this == INBOX;
	}

	/**
	 * @return {@code true} for Inbox, Outbox, Sent Items and Deleted Items
	 */
	public boolean isStandard() {
		return STANDARD.contains(this);
	}

	/**
	 * @return the directory name below the Maildir root: {@code .<name>}; empty for the Inbox
	 */
	String directoryName() {
		return isInbox() ? "" : "." + name;
	}

	/**
	 * @return the display name
	 */
	public String name() {
		return name;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FolderName folder && name.equals(folder.name);
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

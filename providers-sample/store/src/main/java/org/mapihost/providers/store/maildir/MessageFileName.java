package org.mapihost.providers.store.maildir;

import java.util.stream.Collectors;

/**
 * A message file's name in {@code new/} or {@code cur/}: the unique name, then, in
 * {@code cur/}, {@code :2,} and the flag letters in ASCII order ({@code S} seen, {@code R}
 * replied, {@code F} flagged, {@code T} trashed, {@code D} draft, {@code P} passed).
 * Immutable.
 *
 * @param id   the unique name
 * @param info what follows the first {@code :}, or {@code null} for a message in {@code new/}
 */
record MessageFileName(MessageId id, String info) {
	static final char SEEN = 'S';
	static final char DRAFT = 'D';

	private static final String FLAGS_PREFIX = "2,";

	/**
	 * @return the parsed name, or {@code null} when the file is not a message this store can
	 *         address (dot files, names with blanks or backslashes)
	 */
	static MessageFileName parse(String fileName) {
		int colon = fileName.indexOf(':');
		String unique = colon < 0 ? fileName : fileName.substring(0, colon);
		if (MessageId.problemWith(unique) != null) {
			return null;
		}
		return new MessageFileName(MessageId.of(unique), colon < 0 ? null : fileName.substring(colon + 1));
	}

	/**
	 * @return the flag letters; empty when there is no {@code 2,} info
	 */
	String flags() {
		return info != null && info.startsWith(FLAGS_PREFIX) ? info.substring(FLAGS_PREFIX.length()) : "";
	}

	boolean seen() {
		return flags().indexOf(SEEN) >= 0;
	}

	/**
	 * @return this name with the seen flag set or cleared and the flags in ASCII order, as the
	 *         Maildir spec asks; an experimental {@code 1,} info is replaced
	 */
	MessageFileName withSeen(boolean seen) {
		String others = flags().replace(String.valueOf(SEEN), "");
		return withFlags(id, seen ? others + SEEN : others);
	}

	/**
	 * @return the name of a message in {@code cur/} with these flag letters, in ASCII order
	 */
	static MessageFileName withFlags(MessageId id, String flags) {
		return new MessageFileName(id, FLAGS_PREFIX + sorted(flags));
	}

	private static String sorted(String flags) {
		return flags.chars().sorted().distinct().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
	}

	@Override
	public String toString() {
		return info == null ? id.name() : id.name() + ':' + info;
	}
}

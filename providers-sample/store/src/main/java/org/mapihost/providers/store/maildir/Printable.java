package org.mapihost.providers.store.maildir;

/**
 * Character checks and safe quoting of untrusted names for error messages.
 */
final class Printable {
	private static final int SHOWN_LENGTH = 80;

	private Printable() {
	}

	static boolean isPrintable(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
					Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
			default -> true;
		};
	}

	/**
	 * @return the text in single quotes, with unprintable characters as Unicode escapes and cut
	 *         after {@value #SHOWN_LENGTH} characters, so that a hostile name cannot garble a log
	 */
	static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder shown = new StringBuilder("'");
		int end = text.offsetByCodePoints(0, Math.min(SHOWN_LENGTH, text.codePointCount(0, text.length())));
		text.substring(0, end).codePoints().forEach(c -> {
			if (isPrintable(c) && c != '\\') {
				shown.appendCodePoint(c);
			} else {
				shown.append(String.format("\\u%04X", c));
			}
		});
		return shown.append(end < text.length() ? "...'" : "'").toString();
	}
}

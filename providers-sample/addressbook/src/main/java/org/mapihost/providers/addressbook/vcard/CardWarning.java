package org.mapihost.providers.addressbook.vcard;

import java.util.OptionalInt;

/**
 * Something of a card that was skipped or read leniently while the card itself loaded: an
 * ez-vcard parse warning, or an {@code EMAIL} value that is not an address.
 *
 * @param line    the line of the file, counting from 1, when known
 * @param message what was skipped or assumed
 */
public record CardWarning(OptionalInt line, String message) {
	@Override
	public String toString() {
		return (line.isPresent() ? "line " + line.getAsInt() + ": " : "") + message;
	}
}

package org.mapihost.providers.addressbook.vcard;

import java.util.OptionalInt;

/**
 * A card of the file that did not load.
 *
 * @param index   the card's place in the file, counting from 0, among all cards (loaded or not)
 * @param line    the line of the file the problem is on, counting from 1, when known
 * @param message what is wrong, as a sentence
 */
public record CardProblem(int index, OptionalInt line, String message) {
	@Override
	public String toString() {
		return "card " + index + (line.isPresent() ? " (line " + line.getAsInt() + ")" : "") + ": " + message;
	}
}

package org.mapihost.providers.addressbook.vcard;

/**
 * The bytes of one card, {@code BEGIN:VCARD} to {@code END:VCARD}, as found by
 * {@link CardSplitter}, not yet decoded.
 *
 * @param index     the card's place in the file, counting from 0
 * @param firstLine the line of its {@code BEGIN:VCARD}, counting from 1
 */
record RawCard(int index, int firstLine, byte[] bytes) {
}

package org.mapihost.providers.addressbook.vcard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The stable id of a contact: 16 bytes of a SHA-256 over the card's UID when it has one,
 * else over the card's text (line ends normalised to LF). A card keeps its id across
 * reloads while its UID, or without a UID its text, stays the same. Immutable.
 */
public final class ContactId implements EntryTarget {
	public static final int SIZE = 16;

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final byte[] bytes;

	private ContactId(byte[] bytes) {
		this.bytes = bytes;
	}

	public static ContactId fromUid(String uid) {
		if (uid == null || uid.isBlank()) {
			throw new IllegalArgumentException("a contact id needs a non-blank UID, got '" + uid + "'");
		}
		return new ContactId(digest("uid\0" + uid.strip()));
	}

	public static ContactId fromCardText(String cardText) {
		if (cardText == null) {
			throw new IllegalArgumentException("a contact id needs the card's text, got null");
		}
		return new ContactId(digest("card\0" + cardText.replace("\r\n", "\n").replace('\r', '\n')));
	}

	public static ContactId of(byte[] bytes) {
		if (bytes == null || bytes.length != SIZE) {
			throw new IllegalArgumentException("a contact id is " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.length));
		}
		return new ContactId(bytes.clone());
	}

	public byte[] toByteArray() {
		return bytes.clone();
	}

	private static byte[] digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(hash, SIZE);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ContactId id && Arrays.equals(bytes, id.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return HEX.formatHex(bytes);
	}
}

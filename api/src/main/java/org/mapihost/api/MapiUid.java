package org.mapihost.api;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A {@code MAPIUID}: 16 bytes that identify a provider logon. A provider registers its UIDs
 * with {@code IMAPISupport::SetProviderUID}; every entry ID it makes starts with one of them,
 * and MAPI routes {@code OpenEntry} by it. Immutable.
 *
 * @since 1.0
 */
public final class MapiUid {
	/** The size of a MAPIUID in bytes. */
	public static final int SIZE = 16;

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final byte[] bytes;

	private MapiUid(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * @param bytes exactly 16 bytes; copied
	 * @return the UID
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} when not 16 bytes
	 */
	public static MapiUid of(byte[] bytes) {
		if (bytes == null || bytes.length != SIZE) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER,
					"a MAPIUID is 16 bytes, got " + (bytes == null ? "none" : bytes.length));
		}
		return new MapiUid(bytes.clone());
	}

	/**
	 * @param hex 32 hexadecimal digits, as {@link #toString()} writes them
	 * @return the UID
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} when not 32 hex digits
	 */
	public static MapiUid parse(String hex) {
		if (hex == null || hex.length() != 2 * SIZE || !isHex(hex)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER,
					"a MAPIUID is 32 hex digits, got '" + abbreviate(hex) + "'");
		}
		return new MapiUid(HEX.parseHex(hex));
	}

	/**
	 * Makes a new random UID, as {@code IMAPISupport::NewUID} does.
	 *
	 * @return a new UID
	 */
	public static MapiUid random() {
		byte[] bytes = new byte[SIZE];
		RANDOM.nextBytes(bytes);
		return new MapiUid(bytes);
	}

	/**
	 * @return a copy of the 16 bytes
	 */
	public byte[] toByteArray() {
		return bytes.clone();
	}

	void copyTo(byte[] target, int offset) {
		System.arraycopy(bytes, 0, target, offset, SIZE);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MapiUid uid && Arrays.equals(bytes, uid.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	/**
	 * @return the 32 upper-case hex digits
	 */
	@Override
	public String toString() {
		return HEX.formatHex(bytes);
	}

	static boolean isHex(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
				return false;
			}
		}
		return true;
	}

	static String abbreviate(String text) {
		if (text == null) {
			return "null";
		}
		return text.length() <= 80 ? text : text.substring(0, 77) + "...";
	}
}

package org.mapihost.api;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A MAPI entry ID ({@code ENTRYID}): 4 flag bytes ({@code abFlags}), the 16-byte
 * {@link MapiUid} of the provider that made it, then bytes only that provider understands.
 * Immutable; parsing checks the layout so that a malformed ID never reaches a provider.
 *
 * @since 1.0
 */
public final class EntryId {
	/** The size of the {@code abFlags} part in bytes. */
	public static final int FLAGS_SIZE = 4;
	/** The smallest valid entry ID: flags and a MAPIUID, no provider bytes. */
	public static final int MIN_SIZE = FLAGS_SIZE + MapiUid.SIZE;
	/** The largest entry ID accepted: 64 KiB, far more than any provider needs. */
	public static final int MAX_SIZE = 64 * 1024;

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final byte[] bytes;

	private EntryId(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Makes an entry ID with zero flag bytes.
	 *
	 * @param uid          the provider's MAPIUID
	 * @param providerData the provider's own bytes; copied
	 * @return the entry ID
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} when too large
	 */
	public static EntryId of(MapiUid uid, byte[] providerData) {
		if (uid == null || providerData == null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "an entry ID needs a MAPIUID and provider data");
		}
		if (MIN_SIZE + providerData.length > MAX_SIZE) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER,
					"an entry ID is at most " + MAX_SIZE + " bytes, provider data has " + providerData.length);
		}
		byte[] bytes = new byte[MIN_SIZE + providerData.length];
		uid.copyTo(bytes, FLAGS_SIZE);
		System.arraycopy(providerData, 0, bytes, MIN_SIZE, providerData.length);
		return new EntryId(bytes);
	}

	/**
	 * @param bytes the raw entry ID; copied
	 * @return the entry ID
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_ENTRYID} when shorter than
	 *                       {@link #MIN_SIZE} or longer than {@link #MAX_SIZE}
	 */
	public static EntryId of(byte[] bytes) {
		if (bytes == null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "no entry ID given");
		}
		if (bytes.length < MIN_SIZE) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "an entry ID has at least " + MIN_SIZE
					+ " bytes (4 flag bytes and a 16-byte MAPIUID), got " + bytes.length);
		}
		if (bytes.length > MAX_SIZE) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID,
					"an entry ID has at most " + MAX_SIZE + " bytes, got " + bytes.length);
		}
		return new EntryId(bytes.clone());
	}

	/**
	 * @param hex the entry ID in hexadecimal, as {@link #toString()} writes it
	 * @return the entry ID
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_ENTRYID} when not an even number
	 *                       of hex digits or not a valid entry ID
	 */
	public static EntryId parse(String hex) {
		if (hex != null && hex.length() > 2 * MAX_SIZE) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID,
					"an entry ID has at most " + MAX_SIZE + " bytes, got " + hex.length() + " hex digits; too long");
		}
		if (hex == null || hex.length() % 2 != 0 || !MapiUid.isHex(hex)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID,
					"an entry ID is written as an even number of hex digits, got '" + MapiUid.abbreviate(hex) + "'");
		}
		return of(HEX.parseHex(hex));
	}

	/**
	 * @return the {@code abFlags} bytes as an int (big-endian)
	 */
	public int flags() {
		return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
	}

	/**
	 * @return the MAPIUID of the provider that made this entry ID
	 */
	public MapiUid uid() {
		return MapiUid.of(Arrays.copyOfRange(bytes, FLAGS_SIZE, MIN_SIZE));
	}

	/**
	 * @return a copy of the bytes after the MAPIUID
	 */
	public byte[] providerData() {
		return Arrays.copyOfRange(bytes, MIN_SIZE, bytes.length);
	}

	/**
	 * @return a copy of the whole entry ID
	 */
	public byte[] toByteArray() {
		return bytes.clone();
	}

	/**
	 * @return the size in bytes ({@code cbEntryID})
	 */
	public int size() {
		return bytes.length;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EntryId id && Arrays.equals(bytes, id.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	/**
	 * @return the entry ID in upper-case hex
	 */
	@Override
	public String toString() {
		return HEX.formatHex(bytes);
	}
}

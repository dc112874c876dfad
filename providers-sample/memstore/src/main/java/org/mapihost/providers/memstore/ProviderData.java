package org.mapihost.providers.memstore;

import java.nio.ByteBuffer;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * The provider bytes of this store's entry IDs: a format byte, the object type and the
 * object's number (big-endian). Immutable.
 */
record ProviderData(int objectType, int number) {
	static final int MAPI_STORE = 1;
	static final int MAPI_FOLDER = 3;
	static final ProviderData STORE = new ProviderData(MAPI_STORE, 0);

	private static final byte FORMAT = 1;
	private static final int SIZE = 6;

	byte[] toBytes() {
		return ByteBuffer.allocate(SIZE).put(FORMAT).put((byte) objectType).putInt(number).array();
	}

	/**
	 * @throws MapiException {@code MAPI_E_INVALID_ENTRYID} when the bytes are not of this format
	 */
	static ProviderData parse(byte[] bytes) {
		if (bytes.length != SIZE || bytes[0] != FORMAT || (bytes[1] != MAPI_STORE && bytes[1] != MAPI_FOLDER)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID,
					"the entry ID's " + bytes.length + " provider bytes are not an in-memory store object's");
		}
		return new ProviderData(bytes[1], ByteBuffer.wrap(bytes, 2, SIZE - 2).getInt());
	}

	@Override
	public String toString() {
		return (objectType == MAPI_STORE ? "store object " : "folder ") + number;
	}
}

package org.mapihost.api;

/**
 * Flags of {@code IMAPISession::OpenEntry}, {@code IMsgStore::OpenEntry} and
 * {@code IAddrBook::OpenEntry}, from {@code MAPIDefS.h}.
 *
 * @since 1.0
 */
public enum OpenEntryFlag implements MapiFlag {
	/** {@code MAPI_MODIFY}: open for reading and writing. */
	MAPI_MODIFY(0x00000001),
	/** {@code MAPI_DEFERRED_ERRORS}: errors may be reported later. */
	MAPI_DEFERRED_ERRORS(0x00000008),
	/** {@code MAPI_BEST_ACCESS}: the highest access the user has. */
	MAPI_BEST_ACCESS(0x00000010);

	private final int value;

	OpenEntryFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

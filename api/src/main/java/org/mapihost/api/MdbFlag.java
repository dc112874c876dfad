package org.mapihost.api;

/**
 * Flags of {@code IMAPISession::OpenMsgStore} and {@code IMSProvider::Logon}, from {@code MAPIDefS.h}.
 *
 * @since 1.0
 */
public enum MdbFlag implements MapiFlag {
	/** {@code MDB_NO_DIALOG}: no logon UI. */
	MDB_NO_DIALOG(0x00000001),
	/** {@code MDB_WRITE}: open for writing. */
	MDB_WRITE(0x00000004),
	/** {@code MAPI_DEFERRED_ERRORS}: errors may be reported later. */
	MAPI_DEFERRED_ERRORS(0x00000008),
	/** {@code MAPI_BEST_ACCESS}: the highest access the user has. */
	MAPI_BEST_ACCESS(0x00000010),
	/** {@code MDB_TEMPORARY}: a temporary store, not in the stores table. */
	MDB_TEMPORARY(0x00000020),
	/** {@code MDB_NO_MAIL}: the store is not used for sending or receiving mail. */
	MDB_NO_MAIL(0x00000080),
	/** {@code MAPI_UNICODE}: strings are Unicode. */
	MAPI_UNICODE(0x80000000);

	private final int value;

	MdbFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

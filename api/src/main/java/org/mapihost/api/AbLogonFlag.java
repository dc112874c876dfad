package org.mapihost.api;

/**
 * Flags of {@code IMAPISession::OpenAddressBook} and {@code IABProvider::Logon}, from {@code MAPIDefS.h} and {@code MAPISPI.h}.
 *
 * @since 1.0
 */
public enum AbLogonFlag implements MapiFlag {
	/** {@code AB_NO_DIALOG}: no logon UI. */
	AB_NO_DIALOG(0x00000001),
	/** {@code MAPI_DEFERRED_ERRORS}: errors may be reported later. */
	MAPI_DEFERRED_ERRORS(0x00000008),
	/** {@code MAPI_UNICODE}: strings are Unicode. */
	MAPI_UNICODE(0x80000000);

	private final int value;

	AbLogonFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

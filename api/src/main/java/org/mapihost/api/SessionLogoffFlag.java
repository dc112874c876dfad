package org.mapihost.api;

/**
 * Flags of {@code IMAPISession::Logoff}, from {@code MAPIX.h}.
 *
 * @since 1.0
 */
public enum SessionLogoffFlag implements MapiFlag {
	/** {@code MAPI_LOGOFF_SHARED}: notify every client of a shared session. */
	MAPI_LOGOFF_SHARED(0x00000001),
	/** {@code MAPI_LOGOFF_UI}: UI may be shown. */
	MAPI_LOGOFF_UI(0x00000002);

	private final int value;

	SessionLogoffFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

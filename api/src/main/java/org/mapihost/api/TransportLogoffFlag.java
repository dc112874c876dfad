package org.mapihost.api;

/**
 * Flags of {@code IXPLogon::TransportLogoff}, from {@code MAPISPI.h} (the reference page says reserved; the header and the sample transport use these).
 *
 * @since 1.0
 */
public enum TransportLogoffFlag implements MapiFlag {
	/** {@code LOGOFF_NORMAL}: a normal logoff. */
	LOGOFF_NORMAL(0x00000001),
	/** {@code LOGOFF_HURRY}: log off at once, without finishing work in progress. */
	LOGOFF_HURRY(0x80000000);

	private final int value;

	TransportLogoffFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

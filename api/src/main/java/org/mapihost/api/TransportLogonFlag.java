package org.mapihost.api;

/**
 * Flags of {@code IXPProvider::TransportLogon}, in and out, from {@code MAPISPI.h}.
 *
 * @since 1.0
 */
public enum TransportLogonFlag implements MapiFlag {
	/** {@code LOGON_NO_DIALOG}: (in) no UI. */
	LOGON_NO_DIALOG(0x00000001),
	/** {@code LOGON_NO_CONNECT}: (in) do not connect to the server yet. */
	LOGON_NO_CONNECT(0x00000004),
	/** {@code LOGON_NO_INBOUND}: (in) no inbound traffic until TransportNotify. */
	LOGON_NO_INBOUND(0x00000008),
	/** {@code LOGON_NO_OUTBOUND}: (in) no outbound traffic until TransportNotify. */
	LOGON_NO_OUTBOUND(0x00000010),
	/** {@code MAPI_UNICODE}: (in) strings are Unicode. */
	MAPI_UNICODE(0x80000000),
	/** {@code LOGON_SP_IDLE}: (out) call Idle when the spooler is idle. */
	LOGON_SP_IDLE(0x00010000),
	/** {@code LOGON_SP_POLL}: (out) poll for inbound mail. */
	LOGON_SP_POLL(0x00020000),
	/** {@code LOGON_SP_RESOLVE}: (out) the transport resolves addresses. */
	LOGON_SP_RESOLVE(0x00040000);

	private final int value;

	TransportLogonFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

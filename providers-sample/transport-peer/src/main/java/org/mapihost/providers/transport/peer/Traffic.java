package org.mapihost.providers.transport.peer;

import org.mapihost.api.NotifyFlag;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.TransportLogonFlag;

/**
 * Whether inbound and outbound traffic are enabled, as {@code PR_STATUS_CODE} bits. An
 * immutable value.
 *
 * @param code the status code
 */
record Traffic(int code) {
	static final int INBOUND = StatusCode.STATUS_INBOUND_ENABLED.value();
	static final int OUTBOUND = StatusCode.STATUS_OUTBOUND_ENABLED.value();

	/** Enabled unless {@code LOGON_NO_INBOUND} / {@code LOGON_NO_OUTBOUND} say otherwise. */
	static Traffic atLogon(int logonFlags) {
		int code = StatusCode.STATUS_AVAILABLE.value();
		if ((logonFlags & TransportLogonFlag.LOGON_NO_INBOUND.value()) == 0) {
			code |= INBOUND;
		}
		if ((logonFlags & TransportLogonFlag.LOGON_NO_OUTBOUND.value()) == 0) {
			code |= OUTBOUND;
		}
		return new Traffic(code);
	}

	/** Applies the {@code NOTIFY_BEGIN_*} / {@code NOTIFY_END_*} bits of {@code TransportNotify}. */
	Traffic notify(int flags) {
		int changed = apply(apply(code, flags, NotifyFlag.NOTIFY_BEGIN_INBOUND, NotifyFlag.NOTIFY_END_INBOUND, INBOUND), flags,
				NotifyFlag.NOTIFY_BEGIN_OUTBOUND, NotifyFlag.NOTIFY_END_OUTBOUND, OUTBOUND);
		return new Traffic(changed);
	}

	boolean inbound() {
		return (code & INBOUND) != 0;
	}

	boolean outbound() {
		return (code & OUTBOUND) != 0;
	}

	String describe() {
		return inbound() && outbound() ? "Available, inbound and outbound enabled"
				: inbound() ? "Available, inbound enabled" : outbound() ? "Available, outbound enabled" : "Available";
	}

	/** The status-code and status-string columns, for a {@code STATUSROW_UPDATE}. */
	StatusRow row() {
		return StatusRow.builder().set(StatusColumn.PR_STATUS_CODE, code).set(StatusColumn.PR_STATUS_STRING, describe()).build();
	}

	private static int apply(int code, int flags, NotifyFlag begin, NotifyFlag end, int bit) {
		if ((flags & end.value()) != 0) {
			return code & ~bit;
		}
		return (flags & begin.value()) != 0 ? code | bit : code;
	}
}

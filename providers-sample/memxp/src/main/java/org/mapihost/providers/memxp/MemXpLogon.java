package org.mapihost.providers.memxp;

import java.util.List;
import java.util.function.Consumer;

import org.mapihost.api.MapiFlags;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.TransportLogonFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;

/**
 * One transport logon. Like Microsoft's sample transport ({@code CleanupSession}),
 * {@code transportLogoff} releases the support object, last; {@code release} then does
 * nothing more. {@code this} guards {@code state} and {@code statusCode};
 * {@code transportNotify} calls the support object under it, so no call can follow the
 * release, which is made outside it.
 */
final class MemXpLogon implements TransportLogon {
	static final String DISPLAY_SETTING = "display";
	static final List<String> ADDRESS_TYPES = List.of("SMTP", "PEER");

	private static final int INBOUND = StatusCode.STATUS_INBOUND_ENABLED.value();
	private static final int OUTBOUND = StatusCode.STATUS_OUTBOUND_ENABLED.value();

	private enum State { OPEN, LOGGED_OFF, RELEASED }

	private final ProviderSupport support;
	private final String displayName;
	private final Consumer<MemXpLogon> onLogoff;
	private State state = State.OPEN;
	private int statusCode;

	private MemXpLogon(ProviderSupport support, String displayName, int statusCode, Consumer<MemXpLogon> onLogoff) {
		this.support = support;
		this.displayName = displayName;
		this.statusCode = statusCode;
		this.onLogoff = onLogoff;
	}

	/**
	 * {@code IXPProvider::TransportLogon}: sets the status row; traffic is enabled unless
	 * {@code LOGON_NO_INBOUND} / {@code LOGON_NO_OUTBOUND} say otherwise.
	 */
	static MemXpLogon logOn(ProviderSupport support, int flags, String providerDisplay, Consumer<MemXpLogon> onLogoff) {
		ProfileSection section = support.openProfileSection();
		String displayName = section.setting(DISPLAY_SETTING, section.entryName());
		int code = StatusCode.STATUS_AVAILABLE.value();
		if ((flags & TransportLogonFlag.LOGON_NO_INBOUND.value()) == 0) {
			code |= INBOUND;
		}
		if ((flags & TransportLogonFlag.LOGON_NO_OUTBOUND.value()) == 0) {
			code |= OUTBOUND;
		}
		support.modifyStatusRow(StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, displayName)
				.set(StatusColumn.PR_PROVIDER_DISPLAY, providerDisplay)
				.set(StatusColumn.PR_STATUS_CODE, code)
				.set(StatusColumn.PR_STATUS_STRING, statusString(code))
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build(), 0);
		return new MemXpLogon(support, displayName, code, onLogoff);
	}

	@Override
	public List<String> addressTypes() {
		requireOpen("IXPLogon::AddressTypes");
		return ADDRESS_TYPES;
	}

	@Override
	public synchronized void transportNotify(int flags) {
		requireOpen("IXPLogon::TransportNotify");
		MapiFlags.requireKnown("IXPLogon::TransportNotify", flags, NotifyFlag.values());
		int code = switchTraffic(switchTraffic(statusCode, flags, NotifyFlag.NOTIFY_BEGIN_INBOUND,
				NotifyFlag.NOTIFY_END_INBOUND, INBOUND), flags, NotifyFlag.NOTIFY_BEGIN_OUTBOUND, NotifyFlag.NOTIFY_END_OUTBOUND, OUTBOUND);
		if (code != statusCode) {
			support.modifyStatusRow(StatusRow.builder()
					.set(StatusColumn.PR_STATUS_CODE, code)
					.set(StatusColumn.PR_STATUS_STRING, statusString(code))
					.build(), StatusRowFlag.STATUSROW_UPDATE.value());
			statusCode = code;
		}
	}

	private static int switchTraffic(int code, int flags, NotifyFlag begin, NotifyFlag end, int bit) {
		if ((flags & end.value()) != 0) {
			return code & ~bit;
		}
		return (flags & begin.value()) != 0 ? code | bit : code;
	}

	private static String statusString(int code) {
		boolean in = (code & INBOUND) != 0;
		boolean out = (code & OUTBOUND) != 0;
		return in && out ? "Available, inbound and outbound enabled"
				: in ? "Available, inbound enabled" : out ? "Available, outbound enabled" : "Available";
	}

	/** Any outcome counts as logged off; unknown flag bits are ignored for that reason. */
	@Override
	public void transportLogoff(int flags) {
		synchronized (this) {
			requireOpen("IXPLogon::TransportLogoff");
			state = State.LOGGED_OFF;
		}
		cleanUp();
	}

	/** The provider's defensive logoff at {@code Shutdown}: does nothing if already done. */
	void logoffIfOpen() {
		synchronized (this) {
			if (state != State.OPEN) {
				return;
			}
			state = State.LOGGED_OFF;
		}
		cleanUp();
	}

	@Override
	public void release() {
		boolean open;
		synchronized (this) {
			if (state == State.RELEASED) {
				throw new IllegalStateException("IXPLogon::Release on transport logon '" + displayName + "', which was already released");
			}
			open = state == State.OPEN;
			state = State.RELEASED;
		}
		if (open) {
			cleanUp();
		}
	}

	private void cleanUp() {
		try {
			onLogoff.accept(this);
		} finally {
			support.release();
		}
	}

	private synchronized void requireOpen(String call) {
		if (state != State.OPEN) {
			throw new IllegalStateException(call + " on transport logon '" + displayName + "', which is " + state);
		}
	}

	@Override
	public String toString() {
		return "MemXpLogon[" + displayName + "]";
	}
}

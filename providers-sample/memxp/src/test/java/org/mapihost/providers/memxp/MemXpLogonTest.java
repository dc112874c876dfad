package org.mapihost.providers.memxp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.TransportLogonFlag;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.providers.testkit.RecordingSupport;

class MemXpLogonTest {
	private static final int NO_TRAFFIC = TransportLogonFlag.LOGON_NO_INBOUND.value() | TransportLogonFlag.LOGON_NO_OUTBOUND.value();
	private static final int AVAILABLE = StatusCode.STATUS_AVAILABLE.value();
	private static final int ENABLED = StatusCode.STATUS_INBOUND_ENABLED.value() | StatusCode.STATUS_OUTBOUND_ENABLED.value();
	private static final int BEGIN = NotifyFlag.NOTIFY_BEGIN_INBOUND.value() | NotifyFlag.NOTIFY_BEGIN_OUTBOUND.value();
	private static final int END = NotifyFlag.NOTIFY_END_INBOUND.value() | NotifyFlag.NOTIFY_END_OUTBOUND.value();
	private static final int UPDATE = StatusRowFlag.STATUSROW_UPDATE.value();

	private RecordingSupport support;
	private TransportLogon logon;

	@BeforeEach
	void logOn() {
		support = new RecordingSupport(ProviderKind.TRANSPORT, "peer", Map.of("display", "Peer delivery"));
		MemXpProvider provider = new MemXpProvider();
		provider.log = new RecordingLogger().logger;
		logon = provider.transportLogon(support, "test-profile", NO_TRAFFIC);
	}

	@Test
	void logonSetsOneStatusRowAndNoUid() {
		assertEquals(0, support.count("SetProviderUID"));
		assertEquals(1, support.count("ModifyStatusRow"));
		assertEquals(List.of(0), support.rowFlags);
		StatusRow row = support.rows.get(0);
		assertEquals("Peer delivery", row.string(StatusColumn.PR_DISPLAY_NAME));
		assertEquals(MemXpProvider.DISPLAY, row.string(StatusColumn.PR_PROVIDER_DISPLAY));
		assertEquals(AVAILABLE, row.integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Available", row.string(StatusColumn.PR_STATUS_STRING));
		assertEquals(0, support.count("Release"));
	}

	@Test
	void logonWithTrafficAllowedStartsEnabled() {
		RecordingSupport other = new RecordingSupport(ProviderKind.TRANSPORT, "smtp", Map.of());
		MemXpProvider provider = new MemXpProvider();
		provider.transportLogon(other, "test-profile", 0);
		assertEquals(AVAILABLE | ENABLED, other.rows.get(0).integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("smtp", other.rows.get(0).string(StatusColumn.PR_DISPLAY_NAME));
	}

	@Test
	void addressTypesAreSmtpAndPeer() {
		assertEquals(List.of("SMTP", "PEER"), logon.addressTypes());
	}

	@Test
	void notifyBeginAndEndUpdateTheStatusRow() {
		logon.transportNotify(BEGIN);
		assertEquals(List.of(0, UPDATE), support.rowFlags);
		StatusRow begun = support.rows.get(1);
		assertEquals(AVAILABLE | ENABLED, begun.integer(StatusColumn.PR_STATUS_CODE));
		assertEquals(AVAILABLE | ENABLED, support.rows.get(0).merge(begun).integer(StatusColumn.PR_STATUS_CODE));

		logon.transportNotify(END);
		assertEquals(List.of(0, UPDATE, UPDATE), support.rowFlags);
		assertEquals(AVAILABLE, support.rows.get(2).integer(StatusColumn.PR_STATUS_CODE));
	}

	@Test
	void notifyOneDirectionAtATime() {
		logon.transportNotify(NotifyFlag.NOTIFY_BEGIN_OUTBOUND.value());
		assertEquals(AVAILABLE | StatusCode.STATUS_OUTBOUND_ENABLED.value(), support.rows.get(1).integer(StatusColumn.PR_STATUS_CODE));
		logon.transportNotify(NotifyFlag.NOTIFY_BEGIN_INBOUND.value());
		assertEquals(AVAILABLE | ENABLED, support.rows.get(2).integer(StatusColumn.PR_STATUS_CODE));
		logon.transportNotify(NotifyFlag.NOTIFY_BEGIN_INBOUND.value());
		assertEquals(3, support.rows.size(), "no update when nothing changed");
	}

	@Test
	void unknownNotifyFlagsFail() {
		MapiException e = assertThrows(MapiException.class, () -> logon.transportNotify(0x100));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertEquals(1, support.rows.size());
	}

	@Test
	void transportLogoffReleasesSupportOnceLastAndReleaseDoesNothingMore() {
		logon.transportNotify(BEGIN);
		logon.transportNotify(END);
		logon.transportLogoff(0);
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
		int calls = support.calls.size();
		logon.release();
		assertEquals(calls, support.calls.size());
	}

	@Test
	void callsAfterTransportLogoffAreProgrammingErrors() {
		logon.transportLogoff(0);
		assertThrows(IllegalStateException.class, () -> logon.transportNotify(BEGIN));
		assertThrows(IllegalStateException.class, logon::addressTypes);
		assertThrows(IllegalStateException.class, () -> logon.transportLogoff(0));
		logon.release();
		assertThrows(IllegalStateException.class, logon::release);
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
	}

	@Test
	void releaseWithoutTransportLogoffStillReleasesSupportOnce() {
		logon.release();
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
	}
}

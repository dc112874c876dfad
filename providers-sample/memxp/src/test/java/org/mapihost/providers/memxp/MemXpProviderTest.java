package org.mapihost.providers.memxp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.providers.testkit.RecordingSupport;

class MemXpProviderTest {
	private final MemXpProvider provider = new MemXpProvider();
	private final RecordingLogger log = new RecordingLogger();
	private final RecordingSupport support = new RecordingSupport(ProviderKind.TRANSPORT, "peer", Map.of());

	@BeforeEach
	void injectLogger() {
		provider.log = log.logger;
	}

	@Test
	void shutdownLogsOffALogonStillOpenOnce() {
		TransportLogon logon = provider.transportLogon(support, "test-profile", 0);
		provider.shutdown(DeinitFlag.DEINIT_HURRY.value());
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
		assertEquals(1, log.lines.size(), log.lines::toString);
		assertTrue(log.lines.get(0).startsWith("warn "), log.lines::toString);

		logon.release();
		assertEquals(1, support.count("Release"));
	}

	@Test
	void shutdownLeavesLoggedOffLogonsAlone() {
		TransportLogon logon = provider.transportLogon(support, "test-profile", 0);
		logon.transportLogoff(0);
		logon.release();
		provider.shutdown(0);
		assertEquals(1, support.count("Release"));
		assertEquals(List.of(), log.lines);
	}

	@Test
	void shutdownLogsOffEveryOpenLogon() {
		RecordingSupport second = new RecordingSupport(ProviderKind.TRANSPORT, "smtp", Map.of());
		provider.transportLogon(support, "test-profile", 0);
		provider.transportLogon(second, "test-profile", 0);
		provider.shutdown(0);
		assertEquals(1, support.count("Release"));
		assertEquals(1, second.count("Release"));
		assertEquals(2, log.lines.size());
	}

	@Test
	void callsAfterShutdownAreProgrammingErrors() {
		provider.shutdown(0);
		assertThrows(IllegalStateException.class, () -> provider.transportLogon(support, "test-profile", 0));
		assertThrows(IllegalStateException.class, () -> provider.shutdown(0));
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}

	@Test
	void unknownLogonFlagsFailBeforeAnythingIsSet() {
		MapiException e = assertThrows(MapiException.class, () -> provider.transportLogon(support, "test-profile", 0x2));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}
}

package org.mapihost.providers.memstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.providers.testkit.RecordingSupport;

class MemStoreProviderTest {
	private final MemStoreProvider provider = new MemStoreProvider();
	private final RecordingSupport support = new RecordingSupport(ProviderKind.STORE, "store", Map.of());

	@Test
	void logonAfterShutdownIsAProgrammingError() {
		provider.shutdown(0);
		assertThrows(IllegalStateException.class, () -> provider.logon(support, "test-profile", 0));
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}

	@Test
	void secondShutdownIsAProgrammingError() {
		provider.shutdown(0);
		assertThrows(IllegalStateException.class, () -> provider.shutdown(0));
	}

	@Test
	void providerObjectServesSeveralLogons() {
		provider.logon(support, "test-profile", MdbFlag.MDB_NO_DIALOG.value()).store().release();
		RecordingSupport second = new RecordingSupport(ProviderKind.STORE, "store2", Map.of());
		provider.logon(second, "test-profile", 0).logoff(0);
		provider.shutdown(0);
		assertEquals(1, support.count("Release"));
		assertEquals(1, second.count("Release"));
	}

	@Test
	void unknownLogonFlagsFailBeforeAnythingIsRegistered() {
		MapiException e = assertThrows(MapiException.class, () -> provider.logon(support, "test-profile", 0x40000));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}
}

package org.mapihost.providers.memab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.providers.testkit.RecordingSupport;

class MemAbProviderTest {
	private final MemAbProvider provider = new MemAbProvider();
	private final RecordingSupport support = new RecordingSupport(ProviderKind.ADDRESS_BOOK, "ab", Map.of());

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
	void eachLogonHasItsOwnUid() {
		RecordingSupport second = new RecordingSupport(ProviderKind.ADDRESS_BOOK, "ab", Map.of());
		provider.logon(support, "test-profile", 0);
		provider.logon(second, "test-profile", 0);
		assertEquals(1, support.uids.size());
		assertEquals(1, second.uids.size());
		assertNotEquals(support.uids.get(0), second.uids.get(0));
	}

	@Test
	void unknownLogonFlagsFailBeforeAnythingIsRegistered() {
		MapiException e = assertThrows(MapiException.class, () -> provider.logon(support, "test-profile", 0x2));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}
}

package org.mapihost.providers.addressbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mapihost.api.AbLogonFlag;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.providers.testkit.RecordingSupport;

class VCardAddressBookProviderTest {
	private final VCardAddressBookProvider provider = new VCardAddressBookProvider();
	private final RecordingSupport support = VCardAbLogonTest.support(Map.of("file", "none.vcf"));

	{
		provider.log = new RecordingLogger().logger;
	}

	@Test
	void logonAfterShutdownIsAProgrammingError() {
		provider.shutdown(0);
		assertThrows(IllegalStateException.class, () -> provider.logon(support, "test-profile", 0));
		assertThrows(IllegalStateException.class, () -> provider.shutdown(0));
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}

	@Test
	void unknownLogonFlagsFailBeforeAnythingIsRegistered() {
		MapiException e = assertThrows(MapiException.class, () -> provider.logon(support, "test-profile", 0x2));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(support.calls.isEmpty(), support.calls::toString);
	}

	@Test
	void knownLogonFlagsAreAccepted() {
		provider.logon(support, "test-profile", AbLogonFlag.AB_NO_DIALOG.value() | AbLogonFlag.MAPI_UNICODE.value());
		assertEquals(1, support.uids.size());
	}
}

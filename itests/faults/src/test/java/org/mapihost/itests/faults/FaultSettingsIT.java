package org.mapihost.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.ResultCode;

/**
 * A fault setting the faulty providers do not understand fails the logon with
 * {@code MAPI_E_UNCONFIGURED} and a sentence that names the entry and what is wrong, and the
 * session that asked goes on.
 */
class FaultSettingsIT extends FaultsTestSupport {
	@ParameterizedTest(name = "{0}.faults = {1}")
	@CsvSource(delimiter = '|', value = {
			"store | logoff:explode        | names no fault; faults: throw, error, hang",
			"store | logof:hang            | names no method of a STORE provider; methods: logon, shutdown, logoff",
			"store | logoff                | is not METHOD:FAULT",
			"store | logoff:hang:soon      | a hang lasts MILLIS",
			"store | logoff:error:MAPI_E_NO_SUCH_THING | needs a result code such as error:MAPI_E_BUSY",
			"store | logoff:error:S_OK     | S_OK is not an error",
			"store | storeLogoff:slt-never | storeLogoff cannot slt-never",
			"store | logoff:throw:now      | throw takes no argument",
			"ab    | storeLogoff:throw     | names no method of a ADDRESS_BOOK provider",
			"ab    | logon:slt-twice       | logon cannot slt-twice" })
	void anUnknownFaultIsAClearError(String entry, String setting, String sentence) {
		MapiSession session = logon(faultyProfile(entry, setting));
		MapiException e = assertFails(ResultCode.MAPI_E_UNCONFIGURED,
				() -> (entry.equals("store") ? session.openMsgStore("store", STORE_FLAGS) : session.openAddressBook(0)).release());
		assertTrue(e.getMessage().contains("entry '" + entry + "'") && e.getMessage().contains(sentence), e::getMessage);
		assertTrue(session.isValid(), "the session goes on");
		assertEquals(1, session.statusTable().size(), "only the transport has a row");
		session.logoff(0);
		assertEquals(0, session.release());
		assertNoLeaks(session);
	}

	@ParameterizedTest(name = "xp.faults = {0}")
	@CsvSource(delimiter = '|', value = { "transportLogon:hang:x | a hang lasts MILLIS", "poll:slt-twice | poll cannot slt-twice" })
	void aTransportsUnknownFaultFailsTheSessionsLogon(String setting, String sentence) {
		String profile = faultyProfile("xp", setting);
		MapiException e = assertFails(ResultCode.MAPI_E_UNCONFIGURED, () -> logon(profile));
		assertTrue(e.getMessage().contains("entry 'xp'") && e.getMessage().contains(sentence), e::getMessage);
		assertWellSessionWorks();
	}
}

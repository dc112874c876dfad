package org.mapihost.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;

/**
 * The support-object rules broken in every place a provider can break them: StoreLogoffTransports
 * twice or never, the support object released twice or never, a support call after Shutdown.
 * Each is exactly one {@code Violation} that says what happened, the shutdown still runs every
 * step once, the runtime's registrations (status rows, MAPIUIDs) go, nothing leaks, and another
 * session works.
 */
class SupportObjectFaultsIT extends FaultsTestSupport {
	static Stream<Arguments> faults() {
		return Stream.of(
				Arguments.of("store", "storeLogoff:slt-twice", "StoreLogoffTransports called again"),
				Arguments.of("store", "store.release:slt-twice", "StoreLogoffTransports called again"),
				Arguments.of("store", "logoff:slt-twice", "StoreLogoffTransports called again"),
				Arguments.of("store", "store.release:slt-never", "without a completed IMAPISupport::StoreLogoffTransports"),
				Arguments.of("store", "logoff:slt-never", "without a completed IMAPISupport::StoreLogoffTransports"),
				Arguments.of("store", "store.release:support-release-twice", "support object released twice"),
				Arguments.of("store", "logoff:support-release-twice", "support object released twice"),
				Arguments.of("ab", "logoff:support-release-twice", "support object released twice"),
				Arguments.of("xp", "transportLogoff:support-release-twice", "support object released twice"),
				Arguments.of("store", "store.release:support-never-released", "support object never released"),
				Arguments.of("store", "logoff:support-never-released", "support object never released"),
				Arguments.of("ab", "logoff:support-never-released", "support object never released"),
				Arguments.of("xp", "transportLogoff:support-never-released", "support object never released"),
				Arguments.of("store", "shutdown:support-after-shutdown", "called on a support object"),
				Arguments.of("ab", "shutdown:support-after-shutdown", "called on a support object"),
				Arguments.of("xp", "shutdown:support-after-shutdown", "called on a support object"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("faults")
	void aBrokenSupportRuleIsOneViolationAndTheShutdownCompletes(String entry, String fault, String what) {
		String method = fault.substring(0, fault.indexOf(':'));
		MapiSession session = logon(faultyProfile(entry, fault));
		AddressBook addressBook = session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		long mark = mark();
		if (method.equals("storeLogoff")) {
			assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
		}
		boolean storeReleased = method.equals("storeLogoff") || method.equals("store.release");
		if (storeReleased) {
			assertEquals(0, store.release());
			assertEquals(List.of("xp", "ab"), session.statusTable().stream().map(r -> r.string(StatusColumn.PR_DISPLAY_NAME)).toList(),
					"the store's status row is gone, whatever the store did with its support object");
			assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(EntryId.of(STORE_UID, new byte[] { 1 }), 0));
		}
		session.logoff(0);
		Trace slice = awaitLogoff(mark, session);

		List<TraceEvent> violations = slice.violations();
		assertEquals(1, violations.size(), () -> "one violation:\n" + slice);
		TraceEvent violation = violations.get(0);
		assertEquals(ENTRIES.get(entry), violation.provider(), violation::toJson);
		assertTrue(violation.detail().contains(what), violation::toJson);
		for (String call : List.of("IMSLogon::Logoff", "IMSLogon::Release", "IABLogon::Logoff", "IABLogon::Release",
				"IXPLogon::TransportLogoff", "IXPLogon::Release", "IMSProvider::Shutdown", "IABProvider::Shutdown",
				"IXPProvider::Shutdown", "IMSProvider::Release", "IABProvider::Release", "IXPProvider::Release")) {
			assertEquals(1, slice.count(call), () -> call + " once:\n" + slice);
		}
		assertEquals(2, slice.count("MAPI::RemoveProviderUIDs"), () -> "the store's and the address book's UIDs went:\n" + slice);
		assertEquals(3, slice.count("MAPI::RemoveStatusRow"), () -> "every row went:\n" + slice);
		assertEquals(0, (storeReleased ? 0 : store.release()) + addressBook.release() + session.release());
		assertNoLeaks(session);
		assertWellSessionWorks();
	}
}

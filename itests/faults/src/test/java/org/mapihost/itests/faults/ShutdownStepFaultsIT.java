package org.mapihost.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;

/**
 * Every step of the shutdown sequences (rules 1 to 3) with each fault a provider can commit in
 * it: hang (ignoring interrupts, until the test lets it go), hang until interrupted, throw, and
 * answer an error code. Each time: a {@code Violation} names the provider and the call, the
 * step ends with the matching result, the rest of the sequence runs once each and in order
 * (while the provider still hangs, for a hang), nothing leaks, and another session works during
 * and after.
 */
class ShutdownStepFaultsIT extends FaultsTestSupport {
	/** Rule 3's steps after the stores were opened, in order (docs/CONTRACTS.md). */
	static final List<String> RULE_3 = List.of("IXPLogon::TransportNotify", "IXPLogon::TransportLogoff", "IXPLogon::Release",
			"IABLogon::Logoff", "IABLogon::Release", "IMSLogon::Logoff", "IMSLogon::Release", "IXPProvider::Shutdown",
			"IXPProvider::Release", "IABProvider::Shutdown", "IABProvider::Release", "IMSProvider::Shutdown", "IMSProvider::Release");
	/** Rule 2's steps, in order. */
	static final List<String> RULE_2 = List.of("IMsgStore::Release", "IMSLogon::Logoff", "IMSLogon::Release");
	static final List<String> FAULTS = List.of("hang", "hang-interruptibly", "throw", "error:MAPI_E_BUSY");

	static Stream<Arguments> steps() {
		List<List<String>> steps = List.of(
				List.of("store", "store.release", "IMsgStore::Release"),
				List.of("store", "logoff", "IMSLogon::Logoff"),
				List.of("store", "logon.release", "IMSLogon::Release"),
				List.of("store", "shutdown", "IMSProvider::Shutdown"),
				List.of("ab", "logoff", "IABLogon::Logoff"),
				List.of("ab", "logon.release", "IABLogon::Release"),
				List.of("ab", "shutdown", "IABProvider::Shutdown"),
				List.of("xp", "transportLogoff", "IXPLogon::TransportLogoff"),
				List.of("xp", "logon.release", "IXPLogon::Release"),
				List.of("xp", "shutdown", "IXPProvider::Shutdown"));
		return steps.stream().flatMap(step -> FAULTS.stream().map(fault -> Arguments.of(step.get(0), step.get(1), step.get(2), fault)));
	}

	@ParameterizedTest(name = "{0} {1}:{3}")
	@MethodSource("steps")
	void aFaultyStepIsReportedAndTheRestOfTheSequenceRuns(String entry, String method, String call, String fault) throws Exception {
		String provider = ENTRIES.get(entry);
		MapiSession session = logon(faultyProfile(entry, method + ":" + fault));
		AddressBook addressBook = session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		boolean rule2 = method.equals("store.release");
		long mark = mark();
		Future<Object> caller = inBackground(() -> {
			if (rule2) {
				return store.release();
			}
			session.logoff(0);
			return null;
		});

		boolean hang = fault.startsWith("hang");
		if (hang) {
			assertTrue(faults.awaitHang(method, TIMEOUT), "the provider hangs in " + method);
			assertWellSessionWorks();
			if (fault.equals("hang")) {
				assertTrue(faults.hanging() > 0, "the well-behaved session ran while the provider hung");
			}
		}
		Trace slice = rule2 ? watch.awaitSlice(mark, "the store's shutdown", TIMEOUT,
				t -> t.session(session.id()).count("IMSLogon::Release") == 1).session(session.id()) : awaitLogoff(mark, session);

		TraceEvent faulty = slice.only(call);
		assertEquals(expectedResult(fault).name(), faulty.result(), () -> "the faulty step's result in\n" + slice);
		TraceEvent violation = violationOf(slice, provider, call);
		assertTrue(violation.detail().contains(hang ? "did not return within" : fault.equals("throw") ? "threw" : "MAPI_E_BUSY"),
				violation::toJson);
		List<String> sequence = rule2 ? RULE_2 : RULE_3;
		assertEquals(sequence, slice.all(e -> sequence.contains(e.call())).stream().map(TraceEvent::call).toList(),
				() -> "every step of the sequence once, in order:\n" + slice);
		if (!rule2) {
			assertEquals(ResultCode.S_OK.name(), slice.only("IMAPISession::Logoff").result());
		}

		if (fault.equals("hang")) {
			assertFalse(caller.isDone(), "the caller is still in the provider: the sequence went on without it");
			faults.releaseHangs();
		}
		caller.get(TIMEOUT, TimeUnit.MILLISECONDS);
		if (hang) {
			assertTrue(faults.interrupts(method) > 0, "the hung thread was interrupted");
		}

		if (rule2) {
			assertTrue(session.isValid(), "the session goes on");
			assertEquals(List.of("xp", "ab"), session.statusTable().stream().map(r -> r.string(StatusColumn.PR_DISPLAY_NAME)).toList(),
					"the store's row is gone, the others stay");
			assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(EntryId.of(STORE_UID, new byte[] { 1 }), 0));
			MapiEntry contact = session.openEntry(EntryId.of(AB_UID, new byte[] { 1 }), 0);
			assertEquals("ab", contact.properties().get("PR_DISPLAY_NAME"), "the address book's UID still routes");
			contact.release();
			session.logoff(0);
		} else {
			assertFalse(session.isValid());
			assertEquals(0, store.release(), "an invalid handle can still be released");
		}
		assertEquals(0, addressBook.release());
		assertEquals(0, session.release());
		assertNoLeaks(session);
		assertWellSessionWorks();
	}

	static ResultCode expectedResult(String fault) {
		if (fault.startsWith("hang")) {
			return ResultCode.MAPI_E_TIMEOUT;
		}
		return fault.equals("throw") ? ResultCode.MAPI_E_CALL_FAILED : ResultCode.MAPI_E_BUSY;
	}
}

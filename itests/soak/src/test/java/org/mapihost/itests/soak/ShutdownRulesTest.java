package org.mapihost.itests.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.trace.TraceEvent;

/** The soak's rules catch what they claim to: each breach, fed as a made-up trace, is a problem. */
class ShutdownRulesTest {
	private static final String STORE = "org.example.store";
	private static final String XP = "org.example.xp";

	private final List<TraceEvent> trace = new ArrayList<>();

	@Test
	void aSessionShutDownByTheRulesHasNoProblem() {
		storeSession("s1", "LOGOFF_ORDERLY -> out LOGOFF_COMPLETE");
		assertEquals(List.of(), problems());
	}

	@Test
	void aStoreTurnedDownByAbortThenReleasedHasNoProblem() {
		storeSession("s1", "LOGOFF_ABORT -> out LOGOFF_OUTBOUND|LOGOFF_OUTBOUND_QUEUE", "LOGOFF_QUIET -> out LOGOFF_INBOUND",
				"LOGOFF_ABORT -> out LOGOFF_COMPLETE");
		assertEquals(List.of(), problems());
	}

	@Test
	void aSecondStoreLogoffTransportsThatCompletesIsAProblem() {
		storeSession("s1", "LOGOFF_ORDERLY -> out LOGOFF_COMPLETE", "LOGOFF_ABORT -> out LOGOFF_COMPLETE; ignored: it completed before");
		assertProblem("completed 2 times");
	}

	@Test
	void aStoreReleasedAfterStoreLogoffTransportsWasOnlyTurnedDownIsAProblem() {
		storeSession("s1", "LOGOFF_QUIET -> out LOGOFF_OUTBOUND", "LOGOFF_ABORT -> out none");
		assertProblem("completed 0 times");
	}

	@Test
	void anOrderlyStoreLogoffTransportsTurnedDownIsAProblem() {
		storeSession("s1", "LOGOFF_ORDERLY -> out LOGOFF_OUTBOUND", "LOGOFF_ABORT -> out LOGOFF_COMPLETE");
		assertProblem("but it always completes");
	}

	@Test
	void aStoreLogoffTransportsStepWithoutOutFlagsIsAProblem() {
		storeSession("s1", "LOGOFF_ORDERLY -> ");
		assertProblem("without its out-flags");
		assertProblem("completed 0 times");
	}

	@Test
	void aStoreShutDownWithoutStoreLogoffTransportsIsAProblem() {
		storeSession("s1");
		assertProblem("released without StoreLogoffTransports");
	}

	@Test
	void aProviderObjectReleasedWithoutShutdownIsAProblem() {
		step("XPProviderInit", "s1", XP, "xpp1");
		step("IXPProvider::Release", "s1", XP, "xpp1");
		assertProblem("without Shutdown before it");
	}

	@Test
	void aCallAfterReleaseIsAProblem() {
		step("XPProviderInit", "s1", XP, "xpp1");
		step("IXPProvider::Shutdown", "s1", XP, "xpp1");
		step("IXPProvider::Release", "s1", XP, "xpp1");
		step("IXPProvider::TransportLogon", "s1", XP, "xpp1");
		assertProblem("after its Release");
	}

	@Test
	void aLogonReleasedWithoutLogoffAndOneNeverReleasedAreProblems() {
		step("XPProviderInit", "s1", XP, "xpp1");
		step("IXPProvider::TransportLogon", "s1", XP, "xpp1");
		step("IXPProvider::TransportLogon", "s1", XP, "xpp1");
		step("IXPLogon::Release", "s1", XP, "xpl1");
		assertProblem("without a Logoff before it");
		assertProblem("2 succeeded, 1 released");
	}

	@Test
	void aProviderObjectThatOutlivesTheHotUnloadOfItsRevisionIsAProblem() {
		step("XPProviderInit", "s1", XP, "xpp1");
		step("MAPI::HotUnload", null, XP, "org.example.xp");
		trace.add(new TraceEvent(trace.size() + 1, 0, "LoadLibrary", null, XP, "org.example.xp_1.0.0", List.of(), "S_OK", "hot update"));
		assertProblem("outlived the hot unload");
	}

	@Test
	void aViolationAndASessionNeverLoggedOffAreProblems() {
		step("MAPILogonEx", "s1", null, "client");
		trace.add(new TraceEvent(trace.size() + 1, 0, TraceEvent.VIOLATION, "s1", STORE, "sup1", List.of(), "MAPI_E_CALL_FAILED", "twice"));
		assertProblem("Violation: twice");
		assertProblem("sessions never logged off");
	}

	@Test
	void releasedIdsAreRememberedByNumberAndPrefix() {
		ReleasedIds ids = new ReleasedIds();
		ids.add("msl40");
		ids.add("org.mapihost.runtime");
		assertTrue(ids.contains("msl40"));
		assertTrue(!ids.contains("msl4") && !ids.contains("ms40") && !ids.contains("org.mapihost.runtime"));
	}

	/**
	 * MAPILogonEx, a store opened, StoreLogoffTransports steps (each {@code "FLAG -> DETAIL"}: the input flag and the
	 * step's detail, its out-flags), rule 1, logoff.
	 */
	private void storeSession(String session, String... storeLogoffTransports) {
		step("MAPILogonEx", session, null, "client");
		step("MSProviderInit", session, STORE, "msp1");
		step("IMSProvider::Logon", session, STORE, "msp1");
		for (String call : storeLogoffTransports) {
			String[] flagAndDetail = call.split(" -> ", 2);
			trace.add(new TraceEvent(trace.size() + 1, 0, "IMAPISupport::StoreLogoffTransports", session, STORE, "sup1",
					List.of(flagAndDetail[0]), "S_OK", flagAndDetail[1].isEmpty() ? null : flagAndDetail[1]));
		}
		step("IMsgStore::Release", session, STORE, "ms1");
		step("IMAPISupport::Release", session, STORE, "sup1");
		step("IMSLogon::Logoff", session, STORE, "msl1");
		step("IMSLogon::Release", session, STORE, "msl1");
		step("IMAPISession::Logoff", session, null, session);
		step("IMSProvider::Shutdown", session, STORE, "msp1");
		step("IMSProvider::Release", session, STORE, "msp1");
	}

	private void step(String call, String session, String provider, String object) {
		trace.add(new TraceEvent(trace.size() + 1, 0, call, session, provider, object, List.of(), "S_OK", null));
	}

	private List<String> problems() {
		ShutdownRules rules = new ShutdownRules();
		trace.forEach(rules::accept);
		rules.finish();
		return rules.problems();
	}

	private void assertProblem(String words) {
		List<String> problems = problems();
		assertTrue(problems.stream().anyMatch(p -> p.contains(words)), () -> "a problem saying '" + words + "' in " + problems);
	}
}

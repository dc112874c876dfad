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
		storeSession("s1", "LOGOFF_ORDERLY");
		assertEquals(List.of(), problems());
	}

	@Test
	void aStoreTurnedDownByAbortThenReleasedHasNoProblem() {
		storeSession("s1", "LOGOFF_ABORT", "LOGOFF_ABORT");
		assertEquals(List.of(), problems());
	}

	@Test
	void aSecondStoreLogoffTransportsAfterOneThatCompletedIsAProblem() {
		storeSession("s1", "LOGOFF_ORDERLY", "LOGOFF_ABORT");
		assertProblem("cannot have been turned down");
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

	/** MAPILogonEx, a store opened, StoreLogoff's and Release's StoreLogoffTransports with these flags, rule 1, logoff. */
	private void storeSession(String session, String... storeLogoffTransports) {
		step("MAPILogonEx", session, null, "client");
		step("MSProviderInit", session, STORE, "msp1");
		step("IMSProvider::Logon", session, STORE, "msp1");
		for (String flag : storeLogoffTransports) {
			trace.add(new TraceEvent(trace.size() + 1, 0, "IMAPISupport::StoreLogoffTransports", session, STORE, "sup1", List.of(flag), "S_OK", null));
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

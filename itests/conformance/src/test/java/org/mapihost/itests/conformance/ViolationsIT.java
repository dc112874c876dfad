package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.AB;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.recording.RecordingLog.Call;
import org.mapihost.itests.recording.RecordingProviders;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Providers that break the protocol: each breach is recorded as a {@code Violation} step, the
 * shutdown sequence still completes, the client sees no exception but a MapiException where its
 * own call failed, and the runtime stays usable for well-behaved providers.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "well", properties = {
		@Property(key = "name", value = "well"),
		@Property(key = "entries", value = "xp, ab, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "ab.provider", value = AB),
		@Property(key = "store.provider", value = STORE) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "slt-twice", properties = {
		@Property(key = "name", value = "slt-twice"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_SLT_TWICE) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "release-twice", properties = {
		@Property(key = "name", value = "release-twice"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_SUPPORT_RELEASE_TWICE) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "never-released", properties = {
		@Property(key = "name", value = "never-released"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.uids", value = ViolationsIT.UID),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_SUPPORT_NEVER_RELEASED) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "after-shutdown", properties = {
		@Property(key = "name", value = "after-shutdown"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_CALL_AFTER_SHUTDOWN) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "throw-in-logon", properties = {
		@Property(key = "name", value = "throw-in-logon"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_THROW_IN_LOGON) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "throw-in-logoff", properties = {
		@Property(key = "name", value = "throw-in-logoff"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_THROW_IN_LOGOFF) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "throw-in-shutdown", properties = {
		@Property(key = "name", value = "throw-in-shutdown"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.fault", value = RecordingProviders.FAULT_THROW_IN_SHUTDOWN) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "xp-throw-in-logoff", properties = {
		@Property(key = "name", value = "xp-throw-in-logoff"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "xp.fault", value = RecordingProviders.FAULT_THROW_IN_LOGOFF),
		@Property(key = "store.provider", value = STORE) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "ab-never-released", properties = {
		@Property(key = "name", value = "ab-never-released"),
		@Property(key = "entries", value = "ab"),
		@Property(key = "ab.provider", value = AB),
		@Property(key = "ab.uids", value = ViolationsIT.UID),
		@Property(key = "ab.fault", value = RecordingProviders.FAULT_SUPPORT_NEVER_RELEASED) })
class ViolationsIT extends ConformanceTestSupport {
	static final String UID = "56494F4C4154494F4E00000000000001";

	@Test
	void secondStoreLogoffTransports() {
		mapi.initialize(0);
		awaitProfile("slt-twice");
		long start = mark();
		MapiSession session = logon("slt-twice");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
		assertEquals(0, store.release());
		session.logoff(0);
		Trace trace = since(start);

		assertEquals(2, providers.calls("IMAPISupport::StoreLogoffTransports").size(), "the fault was committed");
		TraceEvent violation = onlyViolation(trace, session);
		assertTrue(violation.detail().contains("StoreLogoffTransports"), () -> "the violation says what: " + violation.toJson());
		assertStoreShutDownOnce(trace);
		ProviderLifecycle.assertOrderly(trace);
		assertRuntimeStillWorks();
	}

	@Test
	void supportReleasedTwice() {
		mapi.initialize(0);
		awaitProfile("release-twice");
		long start = mark();
		MapiSession session = logon("release-twice");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value());
		assertEquals(0, store.release());
		session.logoff(0);
		Trace trace = since(start);

		List<Call> releases = providers.calls("IMAPISupport::Release");
		assertEquals(2, releases.size(), "the fault was committed");
		onlyViolation(trace, session);
		assertStoreShutDownOnce(trace);
		ProviderLifecycle.assertOrderly(trace);
		assertRuntimeStillWorks();
		// ProviderSupport: "Every call after release is a protocol violation: it is recorded and
		// fails with MAPI_E_INVALID_OBJECT" -- a second release is such a call
		assertTrue(releases.get(1).detail().endsWith(ResultCode.MAPI_E_INVALID_OBJECT.name()),
				() -> "the second release fails with MAPI_E_INVALID_OBJECT: " + releases);
	}

	@Test
	void supportNeverReleased() {
		mapi.initialize(0);
		MapiSession session = logon("never-released");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		long start = mark();
		assertEquals(0, store.release());
		Trace trace = since(start);

		TraceEvent violation = onlyViolation(trace, session);
		assertTrue(violation.seq() > trace.only("IMSLogon::Release").seq(),
				() -> "the violation is recorded after the logon's Release:\n" + trace);
		assertStoreShutDownOnce(trace);
		assertEquals(List.of(), session.statusTable(), "the runtime released the support object: the row is gone");
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(EntryId.of(MapiUid.parse(UID), new byte[1]), 0));
		session.logoff(0);
		session.release();
		assertRuntimeStillWorks();
	}

	@Test
	void callAfterShutdown() {
		mapi.initialize(0);
		awaitProfile("after-shutdown");
		long start = mark();
		MapiSession session = logon("after-shutdown");
		session.openMsgStore("store", STORE_FLAGS);
		session.logoff(0);
		Trace trace = since(start);

		List<Call> late = providers.calls("IMAPISupport::ModifyStatusRow");
		assertEquals(2, late.size(), "the fault was committed: the logon's row, then one more update");
		assertTrue(late.get(1).detail().endsWith(ResultCode.MAPI_E_INVALID_OBJECT.name()),
				() -> "a call after Shutdown fails with MAPI_E_INVALID_OBJECT: " + late);
		TraceEvent violation = onlyViolation(trace, session);
		assertTrue(violation.seq() > trace.only("IMSProvider::Shutdown").seq(), () -> "after Shutdown:\n" + trace);
		ProviderLifecycle.assertOrderly(trace);
		assertRuntimeStillWorks();
	}

	@Test
	void providerThrowsInLogon() {
		mapi.initialize(0);
		awaitProfile("throw-in-logon");
		long start = mark();
		MapiSession session = logon("throw-in-logon");
		assertFails(ResultCode.MAPI_E_LOGON_FAILED, () -> session.openMsgStore("store", STORE_FLAGS));
		assertEquals(List.of(), session.statusTable(), "no row for a failed logon");
		assertTrue(session.isValid(), "the session goes on");
		session.logoff(0);
		Trace trace = since(start);

		onlyViolation(trace, session);
		assertEquals(0, trace.count("IMAPISupport::SetProviderUID"));
		ProviderLifecycle.assertOrderly(trace);
		assertRuntimeStillWorks();
	}

	@Test
	void providerThrowsInLogoff() {
		mapi.initialize(0);
		awaitProfile("throw-in-logoff");
		long start = mark();
		MapiSession session = logon("throw-in-logoff");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		assertEquals(0, store.release(), "the client's release succeeds whatever the provider's logoff does");
		session.logoff(0);
		Trace trace = since(start);

		TraceEvent violation = onlyViolation(trace, session);
		assertTrue(violation.seq() > trace.only("IMSLogon::Logoff").seq());
		assertStoreShutDownOnce(trace);
		ProviderLifecycle.assertOrderly(trace);
		assertRuntimeStillWorks();
	}

	@Test
	void providerThrowsInShutdown() {
		mapi.initialize(0);
		awaitProfile("throw-in-shutdown");
		long start = mark();
		MapiSession session = logon("throw-in-shutdown");
		session.openMsgStore("store", STORE_FLAGS).release();
		session.logoff(0);
		Trace trace = since(start);

		TraceEvent violation = onlyViolation(trace, session);
		assertTrue(violation.seq() > trace.only("IMSProvider::Shutdown").seq());
		ProviderLifecycle.assertOrderly(trace);
		assertFalse(session.isValid());
		assertRuntimeStillWorks();
	}

	@Test
	void transportThrowsInTransportLogoff() {
		mapi.initialize(0);
		awaitProfile("xp-throw-in-logoff");
		long start = mark();
		MapiSession session = logon("xp-throw-in-logoff");
		session.openMsgStore("store", STORE_FLAGS).release();
		session.logoff(0);
		Trace trace = since(start);

		onlyViolation(trace, session);
		trace.only("IXPLogon::TransportLogoff");
		trace.only("IXPLogon::Release");
		ProviderLifecycle.assertOrderly(trace);
		assertRuntimeStillWorks();
	}

	@Test
	void addressBookNeverReleasesSupport() {
		mapi.initialize(0);
		awaitProfile("ab-never-released");
		long start = mark();
		MapiSession session = logon("ab-never-released");
		AddressBook addressBook = session.openAddressBook(0);
		assertEquals(1, session.statusTable().size());
		session.logoff(0);
		Trace trace = since(start);

		TraceEvent violation = onlyViolation(trace, session);
		assertTrue(violation.seq() > trace.only("IABLogon::Release").seq(), () -> "after the logon's Release:\n" + trace);
		trace.only("MAPI::RemoveProviderUIDs");
		trace.only("MAPI::RemoveStatusRow");
		ProviderLifecycle.assertOrderly(trace);
		assertEquals(0, addressBook.release());
		assertRuntimeStillWorks();
	}

	private static TraceEvent onlyViolation(Trace trace, MapiSession session) {
		TraceEvent violation = trace.only(TraceEvent.VIOLATION);
		assertEquals(session.id(), violation.session(), () -> "the violation names the session: " + violation.toJson());
		assertTrue(violation.provider() != null, () -> "the violation names the provider: " + violation.toJson());
		assertTrue(violation.detail() != null && !violation.detail().isBlank(), () -> "the violation says what: " + violation.toJson());
		return violation;
	}

	/** The store's shutdown steps each happened once, whatever the provider did. */
	private static void assertStoreShutDownOnce(Trace trace) {
		for (String call : List.of("MAPI::RemoveProviderUIDs", "MAPI::RemoveStatusRow", "IMSLogon::Logoff", "IMSLogon::Release")) {
			assertEquals(1, trace.all(e -> e.call().equals(call) && STORE.equals(e.provider())).size(),
					() -> call + " once:\n" + trace);
		}
	}

	/** A session of well-behaved providers works from logon to logoff, with no violation. */
	private void assertRuntimeStillWorks() {
		long start = mark();
		MapiSession session = logon("well");
		AddressBook addressBook = session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		assertEquals(List.of("xp", "ab", "store"),
				session.statusTable().stream().map(row -> row.string(StatusColumn.PR_DISPLAY_NAME)).toList());
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value()));
		assertEquals(0, store.release());
		assertEquals(0, addressBook.release());
		session.logoff(0);
		assertEquals(0, session.release());
		Trace trace = since(start);
		assertEquals(List.of(), trace.violations(), "a well-behaved session records no violation");
		ProviderLifecycle.assertOrderly(trace);
	}
}

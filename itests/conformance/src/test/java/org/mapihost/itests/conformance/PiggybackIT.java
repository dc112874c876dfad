package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.OPENED_BY;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * References to a store: opening a store that is already open in the session ("piggyback")
 * gives the same handle with one more reference and no provider call; releasing one of two
 * references changes nothing; an object opened from the store keeps it alive.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "piggyback", properties = {
		@Property(key = "name", value = "piggyback"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.uids", value = PiggybackIT.UID) })
class PiggybackIT extends ConformanceTestSupport {
	static final String UID = "50494747594241434B00000000000001";
	/**
	 * Steps that would mean the provider's store, its logon or its support object was touched.
	 * (Whether the runtime also lists a client's non-final Release is its choice; that the
	 * provider's store saw no call is checked in the providers' own log.)
	 */
	private static final List<String> STORE_STEPS = List.of("MSProviderInit", "IMSProvider::Logon", "IMAPISupport::SetProviderUID",
			"IMAPISupport::ModifyStatusRow", "IMAPISupport::StoreLogoffTransports", "IMAPISupport::Release",
			"MAPI::RemoveProviderUIDs", "MAPI::RemoveStatusRow", "IMSLogon::Logoff", "IMSLogon::Release");

	@Test
	void secondOpenReturnsTheSameHandleWithoutCallingTheProvider() {
		mapi.initialize(0);
		MapiSession session = logon("piggyback");
		MsgStore first = session.openMsgStore("store", STORE_FLAGS);

		long start = mark();
		MsgStore second = session.openMsgStore("store", STORE_FLAGS);
		Trace piggyback = since(start);

		assertSame(first, second, "the same handle");
		assertEquals(first.id(), second.id());
		assertNoStoreSteps(piggyback);
		assertEquals(1, providers.calls("MSProviderInit").size());
		assertEquals(1, providers.calls("IMSProvider::Logon").size());
		assertEquals(1, session.statusTable().stream()
				.filter(row -> row.string(StatusColumn.PR_DISPLAY_NAME).equals("store")).count(), "no second status row");
		assertEquals(3, first.addRef(), "two references from the opens, one from this addRef");
		assertEquals(2, first.release());

		long release = mark();
		assertEquals(1, second.release(), "one reference left");
		Trace oneReleased = since(release);
		assertNoStoreSteps(oneReleased);
		assertEquals(List.of(), providers.calls("IMsgStore::Release"));
		assertTrue(first.isValid());
		MapiEntry entry = first.openEntry(EntryId.of(MapiUid.parse(UID), new byte[] { 1 }), 0);
		assertEquals("store", entry.properties().get(OPENED_BY), "the store still works");
		entry.release();
		assertEquals(1, session.statusTable().stream()
				.filter(row -> row.string(StatusColumn.PR_DISPLAY_NAME).equals("store")).count(), "its row is still there");

		long last = mark();
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), first.storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value()));
		assertEquals(0, first.release());
		Trace shutdown = since(last);
		assertEquals(1, shutdown.count("IMAPISupport::StoreLogoffTransports"));
		shutdown.only("IMSLogon::Release");
		session.logoff(0);
		session.release();
	}

	@Test
	void anOpenEntryKeepsTheStoreAliveUntilItIsReleased() {
		mapi.initialize(0);
		MapiSession session = logon("piggyback");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		MapiEntry entry = store.openEntry(EntryId.of(MapiUid.parse(UID), new byte[] { 2 }), 0);

		long start = mark();
		assertEquals(0, store.release(), "the client's last reference to the store");
		assertNoStoreSteps(since(start));
		assertEquals("store", entry.properties().get(OPENED_BY), "the entry still works");

		long last = mark();
		assertEquals(0, entry.release());
		Trace shutdown = since(last);
		assertEquals(List.of(StoreLogoffFlag.LOGOFF_ABORT.name()), shutdown.only("IMAPISupport::StoreLogoffTransports").flags(),
				() -> "the store shuts down when its last child goes:\n" + shutdown);
		shutdown.only("IMSLogon::Release");
		session.logoff(0);
		session.release();
	}

	private static void assertNoStoreSteps(Trace trace) {
		List<TraceEvent> touched = trace.all(e -> STORE_STEPS.contains(e.call()));
		assertEquals(List.of(), touched, () -> "no provider call:\n" + trace);
	}
}

package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.recording.RecordingProviders;
import org.mapihost.itests.testkit.Trace;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Rule 5: the library's store, address book and transport, all in use, are hot-unloaded — by the
 * operator, or by a bundle stop or uninstall from elsewhere. Each provider gets one
 * {@code MAPI::HotUnload} with the rule-3 steps of its logon and its provider object nested in it,
 * done while its service is still registered; the session lives on with the recording providers.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-all", properties = {
		@Property(key = "name", value = "lib-all"),
		@Property(key = "entries", value = "xp, ab, store, rec-xp, rec-ab, other"),
		@Property(key = "xp.provider", value = Library.XP),
		@Property(key = "ab.provider", value = Library.AB),
		@Property(key = "store.provider", value = Library.STORE),
		@Property(key = "rec-xp.provider", value = RecordingProviders.XP),
		@Property(key = "rec-ab.provider", value = RecordingProviders.AB),
		@Property(key = "rec-ab.uids", value = HotUnloadIT.REC_AB_UID),
		@Property(key = "other.provider", value = RecordingProviders.STORE),
		@Property(key = "other.uids", value = HotUnloadIT.OTHER_UID) })
class HotUnloadIT extends LibrariesTestSupport {
	static final String REC_AB_UID = "A1A2A3A4A5A6A7A8A9AAABACADAEAFB0";
	static final String OTHER_UID = "C1C2C3C4C5C6C7C8C9CACBCCCDCECFD0";

	static final String TRANSPORT_STEPS = """
			MAPI::HotUnload
			  IXPLogon::TransportNotify [NOTIFY_END_INBOUND, NOTIFY_END_OUTBOUND]
			  IXPLogon::TransportLogoff
			    IMAPISupport::Release
			  MAPI::RemoveStatusRow
			  IXPLogon::Release
			  IXPProvider::Shutdown
			  IXPProvider::Release
			""";
	static final String ADDRESS_BOOK_STEPS = """
			MAPI::HotUnload
			  IABLogon::Logoff
			    IMAPISupport::Release
			  MAPI::RemoveProviderUIDs
			  MAPI::RemoveStatusRow
			  IABLogon::Release
			  IABProvider::Shutdown
			  IABProvider::Release
			""";
	static final String STORE_STEPS = """
			MAPI::HotUnload
			  IMSLogon::Logoff
			    IMAPISupport::StoreLogoffTransports [LOGOFF_ABORT]
			    IMAPISupport::Release
			  MAPI::RemoveProviderUIDs
			  MAPI::RemoveStatusRow
			  IMSLogon::Release
			  IMSProvider::Shutdown
			  IMSProvider::Release
			""";

	private interface Unload {
		void run() throws BundleException;
	}

	@Test
	void theOperatorsUnloadShutsDownStoreAddressBookAndTransportInUseAndTheSessionLivesOn() throws Exception {
		long start = mark();
		Opened opened = openEverything();
		long unload = hotUnload(opened, () -> libraries.unload(Library.STORE));

		Trace unloaded = awaitFreeLibrary(unload);
		TraceEvent free = unloaded.only("FreeLibrary");
		assertEquals(Library.V1_OBJECT, free.object(), unloaded::toString);
		assertEquals("S_OK", free.result(), unloaded::toString);
		for (String name : Library.PROVIDERS) {
			LibraryInfo info = library(name);
			assertEquals(LibraryState.AVAILABLE, info.state(), () -> "the library stays in the index: " + info);
			assertEquals(-1, info.bundleId(), info::toString);
		}
		assertTrue(libraryBundle().isEmpty(), "uninstalled");

		long reload = mark();
		MsgStore again = opened.session().openMsgStore("store", STORE_FLAGS);
		TraceEvent load = since(reload).only("LoadLibrary");
		assertEquals(opened.session().id(), load.session());
		MapiEntry root = again.openEntry(null, 0);
		assertEquals("1.0.0", root.properties().get(Library.VERSION), "a later logon loads the library afresh");
		root.release();
		again.release();
		opened.close();
		mapi.uninitialize();
		assertOneFreePerLoad(awaitCount(start, "FreeLibrary", 2));
	}

	@Test
	void stoppingTheLibraryBundleElsewhereHotUnloadsItsProvidersInUse() throws Exception {
		Opened opened = openEverything();
		Bundle bundle = libraryBundle().orElseThrow();
		hotUnload(opened, bundle::stop);
		opened.close();
	}

	@Test
	void uninstallingTheLibraryBundleElsewhereHotUnloadsItsProvidersInUse() throws Exception {
		Opened opened = openEverything();
		Bundle bundle = libraryBundle().orElseThrow();
		hotUnload(opened, bundle::uninstall);
		opened.close();
	}

	/** What a client holds of lib-all: the session, both stores and the address book. */
	private record Opened(MapiSession session, MsgStore store, MsgStore other, AddressBook addressBook) {
		void close() {
			other.release();
			addressBook.release();
			session.logoff(0);
			session.release();
		}
	}

	/** Initializes, logs on to lib-all, opens both stores and the address book: all six providers in use. */
	private Opened openEverything() {
		mapi.initialize(0);
		MapiSession session = logon("lib-all");
		Opened opened = new Opened(session, session.openMsgStore("store", STORE_FLAGS), session.openMsgStore("other", STORE_FLAGS),
				session.openAddressBook(0));
		assertEquals(6, session.statusTable().size(), () -> "rows: " + session.statusTable());
		assertTrue(session.statusTable().stream().anyMatch(row -> row.string(StatusColumn.PR_PROVIDER_DISPLAY)
				.equals(Library.STORE_DISPLAY + " 1.0.0")), () -> "version 1 serves: " + session.statusTable());
		for (String name : Library.PROVIDERS) {
			LibraryInfo info = library(name);
			assertEquals(LibraryState.IN_USE, info.state(), info::toString);
			assertEquals(1, info.logons(), info::toString);
		}
		return opened;
	}

	/** Runs the unload and checks rule 5 on what happened; returns the trace mark from just before it. */
	private long hotUnload(Opened opened, Unload unload) throws Exception {
		probe.clear();
		long start = mark();
		unload.run();
		Trace slice = watch.awaitSlice(start, "three MAPI::HotUnload", TIMEOUT, t -> t.count("MAPI::HotUnload") >= 3);

		assertHotUnloaded(slice, Library.XP, TRANSPORT_STEPS);
		assertHotUnloaded(slice, Library.AB, ADDRESS_BOOK_STEPS);
		assertHotUnloaded(slice, Library.STORE, STORE_STEPS);
		assertEquals(List.of(), slice.violations(), slice::toString);
		assertShutDownWhileRegistered();

		MsgStore store = opened.store();
		assertFalse(store.isValid(), "the client's handle of the unloaded store is invalid");
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> store.openEntry(null, 0));
		assertEquals(0, store.release(), "release still works");
		assertLivesOnWithTheRest(opened.session());
		return start;
	}

	private static void assertHotUnloaded(Trace slice, String provider, String steps) {
		List<TraceEvent> unloads = slice.all(e -> e.call().equals("MAPI::HotUnload") && provider.equals(e.provider()));
		assertEquals(1, unloads.size(), () -> "one MAPI::HotUnload of " + provider + ":\n" + slice);
		TraceEvent unload = unloads.get(0);
		assertTrue(unload.detail() != null && !unload.detail().isBlank(), () -> "the hot unload says why: " + unload.toJson());
		slice.subtree(unload).assertOutline(steps);
	}

	/**
	 * The library's provider objects got Shutdown while their component was still active — before
	 * its service went, after which DS deactivates every instance left.
	 */
	private void assertShutDownWhileRegistered() {
		List<String> lines = probe.lines();
		Set<String> shutDown = lines.stream().map(line -> line.split(" ")).filter(w -> w.length >= 3 && w[2].equals("shutdown"))
				.map(w -> w[1]).collect(Collectors.toSet());
		assertEquals(3, shutDown.size(), () -> "three provider objects shut down; the library told:\n" + String.join("\n", lines));
		for (String object : shutDown) {
			int shutdown = probe.indexOf(line -> line.endsWith(" " + object + " shutdown"), 0);
			int deactivate = probe.indexOf(line -> line.endsWith(" " + object + " deactivate"), 0);
			assertTrue(deactivate > shutdown, () -> object + " was shut down before DS deactivated it (service gone):\n"
					+ String.join("\n", lines));
		}
	}

	/** The recording store, address book and transport still serve the session. */
	private static void assertLivesOnWithTheRest(MapiSession session) {
		assertTrue(session.isValid());
		List<StatusRow> rows = session.statusTable();
		assertEquals(Set.of("rec-xp", "rec-ab", "other"), rows.stream().map(row -> row.string(StatusColumn.PR_DISPLAY_NAME))
				.collect(Collectors.toSet()), () -> "the library's rows are gone, the rest stay: " + rows);
		MapiEntry inOther = session.openEntry(EntryId.of(MapiUid.parse(OTHER_UID), new byte[] { 1 }), 0);
		assertEquals("other", inOther.properties().get(RecordingProviders.OPENED_BY));
		inOther.release();
		AddressBook addressBook = session.openAddressBook(0);
		MapiEntry contact = addressBook.openEntry(EntryId.of(MapiUid.parse(REC_AB_UID), new byte[] { 2 }), 0);
		assertEquals("rec-ab", contact.properties().get(RecordingProviders.OPENED_BY));
		contact.release();
		addressBook.release();
		MsgStore other = session.openMsgStore("other", STORE_FLAGS);
		assertTrue(other.isValid());
		other.release();
	}
}

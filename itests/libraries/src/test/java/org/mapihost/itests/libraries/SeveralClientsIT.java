package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Rule 4 counts the initializations of all clients together: one LoadLibrary however many
 * clients use the library, and FreeLibrary only after the last of them uninitializes — after
 * logging off what it left open.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-clients", properties = {
		@Property(key = "name", value = "lib-clients"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.STORE) })
class SeveralClientsIT extends LibrariesTestSupport {

	@Test
	void freeLibraryComesOnlyAfterTheLastClientUninitializes() throws Exception {
		awaitProfile("lib-clients");
		Mapi first = clients.install("first");
		Mapi second = clients.install("second");
		long start = mark();
		first.initialize(0);
		second.initialize(0);
		mapi.initialize(0);
		MapiSession firstSession = first.logon("lib-clients", LOGON_FLAGS);
		MsgStore firstStore = firstSession.openMsgStore("store", STORE_FLAGS);
		MapiSession secondSession = second.logon("lib-clients", LOGON_FLAGS);
		MsgStore secondStore = secondSession.openMsgStore("store", STORE_FLAGS);
		assertEquals(2, library(Library.STORE).logons());

		firstStore.release();
		firstSession.logoff(0);
		firstSession.release();
		first.uninitialize();
		assertTrue(libraryBundle().isPresent(), "loaded while another client uses it");

		secondStore.release();
		secondSession.logoff(0);
		secondSession.release();
		second.uninitialize();
		assertTrue(libraryBundle().isPresent(), "loaded while a client is initialized, even without a session");
		assertEquals(0, since(start).count("FreeLibrary"), () -> "no FreeLibrary yet:\n" + since(start));

		mapi.uninitialize();
		Trace all = awaitFreeLibrary(start);
		assertEquals(1, all.count("LoadLibrary"), () -> "one load for both sessions:\n" + all);
		TraceEvent free = all.only("FreeLibrary");
		List<TraceEvent> uninits = all.all("MAPIUninitialize");
		assertEquals(3, uninits.size(), all::toString);
		TraceEvent last = uninits.stream().max(Comparator.comparingLong(TraceEvent::seq)).orElseThrow();
		assertTrue(free.seq() > last.seq(), () -> "FreeLibrary after the last MAPIUninitialize:\n" + all);
		assertTrue(libraryBundle().isEmpty(), "freed");
	}

	@Test
	void theLastUninitializeLogsOffWhatWasLeftOpenBeforeFreeLibrary() {
		mapi.initialize(0);
		MapiSession session = logon("lib-clients");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		long start = mark();
		mapi.uninitialize();

		Trace all = awaitFreeLibrary(start);
		TraceEvent logoff = all.only("IMAPISession::Logoff");
		TraceEvent logonRelease = all.only("IMSLogon::Release");
		TraceEvent providerRelease = all.only("IMSProvider::Release");
		TraceEvent free = all.only("FreeLibrary");
		assertEquals(session.id(), logoff.session());
		assertTrue(logoff.seq() < logonRelease.seq() && logonRelease.seq() < providerRelease.seq()
				&& providerRelease.seq() < free.seq(), () -> "the session is logged off, then the library freed:\n" + all);
		assertEquals(1, all.count("IMAPISupport::StoreLogoffTransports"), all::toString);
		assertFalse(session.isValid());
		assertFalse(store.isValid());
		assertEquals(0, store.release());
		assertEquals(0, session.release());
	}
}

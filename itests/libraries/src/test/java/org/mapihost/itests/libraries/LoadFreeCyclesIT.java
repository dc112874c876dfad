package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * LoadLibrary when a logon needs the library, FreeLibrary after the last MAPIUninitialize (rule 4):
 * once each per cycle, in that order, over 50 cycles.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-cycles", properties = {
		@Property(key = "name", value = "lib-cycles"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.STORE) })
class LoadFreeCyclesIT extends LibrariesTestSupport {
	private static final int CYCLES = 50;

	@Test
	void fiftyCyclesLoadAndFreeTheLibraryOncePerCycle() {
		awaitProfile("lib-cycles");
		int loadsBefore = library(Library.STORE).loadCount();
		for (int cycle = 1; cycle <= CYCLES; cycle++) {
			long start = mark();
			mapi.initialize(0);
			MapiSession session = mapi.logon("lib-cycles", LOGON_FLAGS);
			MsgStore store = session.openMsgStore("store", STORE_FLAGS);
			LibraryInfo inUse = library(Library.STORE);
			assertEquals(LibraryState.IN_USE, inUse.state(), inUse::toString);
			assertEquals(1, inUse.logons(), inUse::toString);
			assertTrue(inUse.bundleId() > 0 && libraryBundle().isPresent(), inUse::toString);
			store.release();
			session.logoff(0);
			session.release();
			mapi.uninitialize();

			assertOneLoadThenOneFree(awaitFreeLibrary(start), session.id(), cycle);
			assertTrue(libraryBundle().isEmpty(), "cycle " + cycle + ": the library bundle is gone");
		}
		LibraryInfo after = library(Library.STORE);
		assertEquals(LibraryState.AVAILABLE, after.state(), after::toString);
		assertEquals(-1, after.bundleId(), after::toString);
		assertEquals(loadsBefore + CYCLES, after.loadCount(), after::toString);
	}

	private static void assertOneLoadThenOneFree(Trace cycle, String session, int number) {
		String where = "cycle " + number + ":\n" + cycle;
		TraceEvent load = cycle.only("LoadLibrary");
		TraceEvent free = cycle.only("FreeLibrary");
		assertEquals("S_OK", load.result(), where);
		assertEquals(Library.STORE, load.provider(), where);
		assertEquals(Library.V1_OBJECT, load.object(), where);
		assertEquals(session, load.session(), () -> "LoadLibrary names the session that needed it; " + where);
		assertEquals(load.object(), free.object(), where);
		assertTrue(Library.PROVIDERS.contains(free.provider()), where);

		TraceEvent init = cycle.only("MAPIInitialize");
		TraceEvent providerInit = cycle.only("MSProviderInit");
		TraceEvent release = cycle.only("IMSProvider::Release");
		TraceEvent uninit = cycle.only("MAPIUninitialize");
		List<TraceEvent> order = List.of(init, load, providerInit, release, uninit, free);
		for (int i = 1; i < order.size(); i++) {
			TraceEvent before = order.get(i - 1);
			TraceEvent after = order.get(i);
			assertTrue(before.seq() < after.seq(), () -> before.call() + " before " + after.call() + " in " + where);
		}
	}
}

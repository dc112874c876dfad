package org.mapihost.itests.libraries;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Rule 5's drain: while a call into the store is in flight, an unload refuses new calls into the
 * provider, waits for the call, and only then logs the store off — in every session.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-drain", properties = {
		@Property(key = "name", value = "lib-drain"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.STORE) })
class DrainIT extends LibrariesTestSupport {

	@Test
	void aCallInFlightCompletesBeforeTheStoreIsLoggedOffAndNewCallsAreRefusedMeanwhile() throws Exception {
		mapi.initialize(0);
		MapiSession first = logon("lib-drain");
		MsgStore held = first.openMsgStore("store", STORE_FLAGS);
		MapiSession second = mapi.logon("lib-drain", LOGON_FLAGS);
		MsgStore refused = second.openMsgStore("store", STORE_FLAGS);
		long start = mark();
		String heldStore;
		probe.holdNext(line -> line.contains(" openEntry-begin store"));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<MapiEntry> inFlight = threads.submit(() -> held.openEntry(null, 0));
			String heldLine = probe.awaitHeld(TIMEOUT);
			assertNotNull(heldLine, "the call reached the store and is held there");
			heldStore = heldLine.split(" ")[1];
			Future<?> unload = threads.submit(() -> libraries.unload(Library.STORE));
			awaitState(Library.STORE, LibraryState.UNLOADING);
			// The library turns UNLOADING when its FreeLibrary begins; the store's calls are refused from its
			// hot unload on, which may come a moment later (after the other providers of the bundle).
			MapiException refusal = awaitRefusal(refused);
			assertEquals(ResultCode.MAPI_E_INVALID_OBJECT, refusal.code(), refusal::getMessage);
			assertMentions(refusal.getMessage(), "the refusal of a new call", "unload");
			assertFalse(inFlight.isDone(), "the call is still in flight");
			assertFalse(unload.isDone(), "the unload waits for the call in flight");

			probe.release();
			MapiEntry entry = inFlight.get(TIMEOUT, MILLISECONDS);
			assertNotNull(entry, "the call in flight completed");
			entry.release();
			unload.get(TIMEOUT, MILLISECONDS);
		} finally {
			probe.release();
			threads.shutdown();
			threads.awaitTermination(TIMEOUT, MILLISECONDS);
		}

		Trace slice = awaitFreeLibrary(start);
		List<TraceEvent> calls = slice.all(e -> e.call().equals("IMsgStore::OpenEntry") && first.id().equals(e.session()));
		assertEquals(1, calls.size(), slice::toString);
		TraceEvent call = calls.get(0);
		assertEquals("S_OK", call.result(), () -> "the call in flight succeeded: " + call.toJson());
		List<TraceEvent> storeUnloads = slice.all(e -> e.call().equals("MAPI::HotUnload") && Library.STORE.equals(e.provider()));
		assertEquals(1, storeUnloads.size(), slice::toString);
		TraceEvent hotUnload = storeUnloads.get(0);
		assertTrue(call.seq() < hotUnload.seq(), slice::toString);
		assertEquals(2, slice.subtree(hotUnload).count("IMSLogon::Logoff"), () -> "both sessions' logons:\n" + slice);
		assertEquals(List.of(), slice.violations(), () -> "the drain did not run out:\n" + slice);

		String store = heldStore;
		int ended = probe.indexOf(line -> line.endsWith(" " + store + " openEntry-end store"), 0);
		int loggedOff = probe.indexOf(line -> line.endsWith(" " + store + " logoff store"), 0);
		assertTrue(ended >= 0 && loggedOff > ended, () -> "the store saw its call end before its Logoff began:\n"
				+ String.join("\n", probe.lines()));

		assertFalse(held.isValid());
		assertEquals(0, held.release());
		assertEquals(0, refused.release());
		first.logoff(0);
		first.release();
		second.logoff(0);
		second.release();
	}
}

package org.mapihost.itests.libraries;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiSession;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.recording.RecordingProviders;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Rule 5 during MAPILogonEx (found by the soak): the library's transport is unloaded while a
 * session's TransportLogon is in flight. The unload drains that call and then must shut the new
 * logon down like any other — the session was not yet known to the subsystem, so the hot unload
 * used to miss it and leave it logged on to a revision that was gone.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-logon-race", properties = {
		@Property(key = "name", value = "lib-logon-race"),
		@Property(key = "entries", value = "xp, other"),
		@Property(key = "xp.provider", value = Library.XP),
		@Property(key = "other.provider", value = RecordingProviders.STORE) })
class HotUnloadDuringLogonIT extends LibrariesTestSupport {

	@Test
	void aHotUnloadThatBeginsDuringMapiLogonExShutsItsNewTransportLogonDown() throws Exception {
		mapi.initialize(0);
		awaitProfile("lib-logon-race");
		long start = mark();
		probe.holdNext(line -> line.endsWith(" logon xp"));
		CompletableFuture<MapiSession> logon = CompletableFuture.supplyAsync(() -> mapi.logon("lib-logon-race", LOGON_FLAGS));
		AtomicReference<Thread> unloading = new AtomicReference<>();
		CompletableFuture<Void> unload;
		try {
			assertNotNull(probe.awaitHeld(TIMEOUT), "TransportLogon reached the library's transport and is held there");
			unload = CompletableFuture.runAsync(() -> {
				unloading.set(Thread.currentThread());
				libraries.unload(Library.XP);
			});
			// The unload waits for the logon in flight: in the drain of the transport's calls, or (with the
			// library's store and address book going first) for the session the logon holds. Then it may go on.
			Await.until(() -> "the unload of the library waits for the MAPILogonEx in flight; the unloading thread is at\n"
					+ (unloading.get() == null ? "(not started)" : Arrays.stream(unloading.get().getStackTrace()).map(String::valueOf)
							.collect(Collectors.joining("\n"))), TIMEOUT, () -> unloading.get() != null && waitsForTheLogon(unloading.get()));
		} finally {
			probe.release();
		}
		MapiSession session = logon.get(TIMEOUT, MILLISECONDS);
		unload.get(TIMEOUT, MILLISECONDS);

		Trace slice = awaitFreeLibrary(start);
		TraceEvent hotUnload = slice.all(e -> e.call().equals("MAPI::HotUnload") && Library.XP.equals(e.provider())).get(0);
		Trace inside = slice.subtree(hotUnload).session(session.id());
		assertEquals(1, inside.count("IXPLogon::TransportLogoff"), () -> "the new session's transport logon is shut down by the hot unload:\n" + slice);
		assertEquals(1, inside.count("IXPProvider::Release"), () -> "and its provider object:\n" + slice);
		assertEquals(List.of(), slice.violations(), slice::toString);
		assertTrue(session.isValid(), "the session lives on with its store");
		assertTrue(session.statusTable().stream().noneMatch(row -> row.string(StatusColumn.PR_PROVIDER_DISPLAY).startsWith("Library transport")),
				() -> "no status row of the unloaded transport: " + session.statusTable());
		session.logoff(0);
		session.release();
	}

	private static boolean waitsForTheLogon(Thread thread) {
		Thread.State state = thread.getState();
		return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && Arrays.stream(thread.getStackTrace())
				.anyMatch(f -> f.getClassName().endsWith(".CallGate") && f.getMethodName().equals("closeAndDrain")
						|| f.getClassName().endsWith(".Session") && f.getMethodName().equals("lock"));
	}
}

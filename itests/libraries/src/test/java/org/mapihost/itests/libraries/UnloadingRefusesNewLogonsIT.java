package org.mapihost.itests.libraries;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.admin.LibraryState;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Rule 5, docs/CONTRACTS.md "Hot unload": while a provider is being unloaded, a new logon of it
 * fails with {@code MAPI_E_LOGON_FAILED} at once — it neither waits for the unload nor loads the
 * library again behind it. A call held in flight keeps the unload in its drain for the test; a
 * refused call on another session's store shows the drain has begun.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-refuse", properties = {
		@Property(key = "name", value = "lib-refuse"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.STORE) })
class UnloadingRefusesNewLogonsIT extends LibrariesTestSupport {
	/** How long a new logon may take to be refused: far more than a refusal needs. */
	private static final long ANSWER_MILLIS = 3_000;

	@Test
	void aNewLogonOfAProviderBeingUnloadedFailsAtOnce() throws Exception {
		mapi.initialize(0);
		MapiSession session = logon("lib-refuse");
		MsgStore held = session.openMsgStore("store", STORE_FLAGS);
		MapiSession other = mapi.logon("lib-refuse", LOGON_FLAGS);
		MsgStore probed = other.openMsgStore("store", STORE_FLAGS);
		probe.holdNext(line -> line.contains(" openEntry-begin store"));
		ExecutorService threads = Executors.newFixedThreadPool(3);
		boolean answered;
		Future<MapiException> newLogon;
		try {
			Future<MapiEntry> inFlight = threads.submit(() -> held.openEntry(null, 0));
			assertNotNull(probe.awaitHeld(TIMEOUT), "the call reached the store and is held there");
			Future<?> unload = threads.submit(() -> libraries.unload(Library.STORE));
			awaitState(Library.STORE, LibraryState.UNLOADING);
			awaitRefusal(probed);

			// On a thread of its own, so that a logon that waits for the unload cannot hold the test up.
			newLogon = threads.submit(() -> assertStoreLogonFails("lib-refuse"));
			answered = finishes(newLogon, ANSWER_MILLIS);

			probe.release();
			finishes(inFlight, TIMEOUT);
			finishes(unload, TIMEOUT);
			finishes(newLogon, TIMEOUT);
		} finally {
			probe.release();
			threads.shutdown();
			threads.awaitTermination(TIMEOUT, MILLISECONDS);
		}
		held.release();
		probed.release();
		session.logoff(0);
		session.release();
		other.logoff(0);
		other.release();

		assertTrue(answered, "a new logon of the store while it was unloading was answered within " + ANSWER_MILLIS
				+ " ms; it waited for the unload instead");
		newLogon.get();
	}

	/** Waits, at most so long, for the future; returns whether it finished (how, the caller asks it). */
	private static boolean finishes(Future<?> future, long millis) throws InterruptedException {
		try {
			future.get(millis, MILLISECONDS);
		} catch (ExecutionException | TimeoutException e) {
			// looked at by the caller
		}
		return future.isDone();
	}
}

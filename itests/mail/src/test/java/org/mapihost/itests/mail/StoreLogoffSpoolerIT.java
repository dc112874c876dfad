package org.mapihost.itests.mail;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.mapihost.itests.valve.Valve;

/**
 * DESIGN.md §3 rules 1 and 2 with the spooler at work: every {@code StoreLogoff} flag with traffic
 * in progress (a message held in the valve transport) and idle, the out-flags it returns, and
 * when the store is really released. The Maildir store is real; the valve lets the test hold a
 * hand-over in progress.
 */
class StoreLogoffSpoolerIT extends MailTestSupport {
	private static final int COMPLETE = StoreLogoffFlag.LOGOFF_COMPLETE.value();
	private static final int OUTBOUND = StoreLogoffFlag.LOGOFF_OUTBOUND.value();
	private static final int QUEUE = StoreLogoffFlag.LOGOFF_OUTBOUND_QUEUE.value();

	@TempDir
	Path root;

	@ParameterizedTest
	@EnumSource(value = StoreLogoffFlag.class, names = { "LOGOFF_NO_WAIT", "LOGOFF_ORDERLY", "LOGOFF_PURGE", "LOGOFF_ABORT", "LOGOFF_QUIET" })
	void idleEveryFlagCompletesAndTheReleaseShutsTheStoreDown(StoreLogoffFlag flag) {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		long start = mark();

		assertEquals(COMPLETE, store.storeLogoff(flag.value()), "out-flags of an idle store");
		store.release();

		Trace slice = since(start);
		assertEquals(1, slice.count("IMAPISupport::StoreLogoffTransports"), slice::toString);
		assertEquals(1, slice.count("IMsgStore::Release"), "released within the client's release:\n" + slice);
		assertEquals(List.of(), slice.violations(), slice::toString);
		session.logoff(0);
		session.release();
	}

	@Test
	void noWaitReturnsAtOnceSendsTheReadyQueueAndReleasesTheStoreWhenDone() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.hold();
		submit(store, "first");
		submit(store, "second");
		assertHeld();
		long start = mark();

		int out = store.storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value());
		assertEquals(COMPLETE | OUTBOUND, out & (COMPLETE | OUTBOUND), "NO_WAIT completes and reports the message in progress");
		store.release();
		Valve.open();

		watch.await(start, "IMsgStore::Release", TIMEOUT);
		assertEquals(2, Valve.accepted().size(), "the ready queue was sent: " + Valve.calls());
		assertEquals(1, since(start).count("IMAPISupport::StoreLogoffTransports"));
		assertMessages(session, List.of(), List.of("first", "second"));
		session.logoff(0);
		session.release();
	}

	@Test
	void orderlyFinishesTheMessageInProgressAndStartsNoOther() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.hold();
		submit(store, "first");
		submit(store, "second");
		assertHeld();
		long start = mark();

		assertEquals(COMPLETE | OUTBOUND | QUEUE, store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
		store.release();
		Valve.open();

		watch.await(start, "IMsgStore::Release", TIMEOUT);
		assertEquals(1, Valve.accepted().size(), "only the message in progress was sent: " + Valve.calls());
		assertMessages(session, List.of("second"), List.of("first"));
		session.logoff(0);
		session.release();
	}

	@Test
	void purgeFlushesTheQueueBeforeItReturns() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.hold();
		submit(store, "first");
		submit(store, "second");
		assertHeld();

		CompletableFuture<Integer> purge = CompletableFuture.supplyAsync(() -> store.storeLogoff(StoreLogoffFlag.LOGOFF_PURGE.value()));
		assertThrows(TimeoutException.class, () -> purge.get(500, MILLISECONDS), "PURGE waits while the queue is not flushed");
		Valve.open();

		assertEquals(COMPLETE, purge.get(TIMEOUT, MILLISECONDS), "PURGE completes with nothing left");
		assertEquals(2, Valve.accepted().size(), Valve.calls()::toString);
		assertEquals(List.of(), subjects(store, "Outbox"));
		assertEquals(List.of("first", "second"), subjects(store, "Sent Items"));
		long start = mark();
		store.release();
		assertEquals(1, since(start).count("IMsgStore::Release"), "released within the client's release");
		session.logoff(0);
		session.release();
	}

	@Test
	void abortWithTrafficInProgressDoesNotLogOffAndStopsTraffic() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.hold();
		submit(store, "first");
		submit(store, "second");
		assertHeld();
		long start = mark();

		int out = store.storeLogoff(StoreLogoffFlag.LOGOFF_ABORT.value());
		assertEquals(0, out & COMPLETE, "ABORT is turned down while a message is in progress");
		assertEquals(OUTBOUND, out & OUTBOUND);
		assertTrue(store.isValid(), "the store stays open and usable");
		assertFalse(store.folders().isEmpty());
		Valve.open();
		assertTrue(Valve.awaitAccepted(1, TIMEOUT));

		// Idle now, and the second message was not started: QUIET logs off and reports it queued.
		assertEquals(COMPLETE | QUEUE, awaitIdleQuiet(store));
		store.release();

		Trace slice = since(start);
		List<TraceEvent> logoffs = slice.all("IMAPISupport::StoreLogoffTransports");
		assertEquals(List.of("LOGOFF_ABORT"), logoffs.get(0).flags(), "turned down first:\n" + slice);
		assertEquals("out " + String.join("|", MapiFlags.names(StoreLogoffFlag.class, out)), logoffs.get(0).detail(),
				"the turned-down step carries its out-flags:\n" + slice);
		assertEquals("out LOGOFF_COMPLETE|LOGOFF_OUTBOUND_QUEUE", logoffs.get(logoffs.size() - 1).detail(), slice::toString);
		assertStoreReleaseCallsNoMoreLogoff(slice);
		assertEquals(1, Valve.accepted().size(), Valve.calls()::toString);
		assertEquals(List.of(), slice.violations(), slice::toString);
		assertMessages(session, List.of("second"), List.of("first"));
		session.logoff(0);
		session.release();
	}

	@Test
	void quietWithTrafficInProgressDoesNotLogOffThenCompletesWhenIdle() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.hold();
		submit(store, "only");
		assertHeld();

		int out = store.storeLogoff(StoreLogoffFlag.LOGOFF_QUIET.value());
		assertEquals(OUTBOUND, out, "QUIET reports the traffic and does not log off");
		Valve.open();
		assertTrue(Valve.awaitAccepted(1, TIMEOUT));
		assertEquals(COMPLETE, awaitIdleQuiet(store));
		long start = mark();
		store.release();
		assertStoreReleaseCallsNoMoreLogoff(since(start));
		assertMessages(session, List.of(), List.of("only"));
		session.logoff(0);
		session.release();
	}

	@Test
	void releaseWithoutStoreLogoffWhileSendingWaitsForTheSpoolerThenAborts() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.hold();
		submit(store, "first");
		submit(store, "second");
		assertHeld();
		long start = mark();

		store.release();
		Valve.open();

		TraceEvent release = watch.await(start, "IMsgStore::Release", TIMEOUT);
		Trace slice = since(start);
		TraceEvent abort = slice.only("IMAPISupport::StoreLogoffTransports");
		assertEquals(List.of("LOGOFF_ABORT"), abort.flags(), "rule 2: the store's release aborts");
		assertEquals(release.seq(), abort.parent(), "called from IMsgStore::Release:\n" + slice);
		assertEquals(1, Valve.accepted().size(), "no new message started once the client had gone");
		assertMessages(session, List.of("second"), List.of("first"));
		session.logoff(0);
		session.release();
	}

	@Test
	void aMessageTheTransportCannotTakeStaysQueuedAndIsReportedIdle() throws Exception {
		MapiSession session = logon(storeAndValveProfile(root));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Valve.fail(true);
		submit(store, "stuck");
		assertHeld();

		assertEquals(COMPLETE | QUEUE, awaitIdleQuiet(store), "idle, one message queued");
		store.release();
		Valve.reset();
		assertMessages(session, List.of("stuck"), List.of());
		session.logoff(0);
		session.release();
	}

	@Test
	void anOutboxLeftByOneSessionIsSentOnceByTheNext() throws Exception {
		String profile = storeAndValveProfile(root);
		MapiSession first = logon(profile);
		MsgStore store = first.openMsgStore("store", STORE_FLAGS);
		Valve.fail(true);
		submit(store, "left over");
		assertHeld();
		store.release();
		first.logoff(0);
		first.release();
		Valve.reset();

		MapiSession second = logon(profile);
		MsgStore reopened = second.openMsgStore("store", STORE_FLAGS);
		assertTrue(Valve.awaitAccepted(1, TIMEOUT), "the next session's spooler found the Outbox");
		reopened.storeLogoff(StoreLogoffFlag.LOGOFF_PURGE.value());
		assertEquals(List.of(), subjects(reopened, "Outbox"));
		assertEquals(List.of("left over"), subjects(reopened, "Sent Items"));
		assertEquals(1, Valve.accepted().size(), Valve.calls()::toString);
		reopened.release();
		second.logoff(0);
		second.release();
	}

	@Test
	void transportsAreNotifiedOnceAStoreIsOpenAndBeforeTheyLogOff() {
		MapiSession session = logon(storeAndValveProfile(root));
		assertEquals(List.of(), Valve.calls(), "no traffic before a store is open");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		store.release();
		session.logoff(0);
		session.release();
		assertEquals(List.of("TransportNotify NOTIFY_BEGIN_INBOUND|NOTIFY_BEGIN_OUTBOUND",
				"TransportNotify NOTIFY_END_INBOUND|NOTIFY_END_OUTBOUND", "TransportLogoff"), Valve.calls());
	}

	/** The completed StoreLogoffTransports came from StoreLogoff, so the store's release calls it no more. */
	private static void assertStoreReleaseCallsNoMoreLogoff(Trace slice) {
		TraceEvent release = slice.only("IMsgStore::Release");
		assertEquals(0, slice.subtree(release).count("IMAPISupport::StoreLogoffTransports"), slice::toString);
	}

	/**
	 * QUIET until the store is idle: the spooler may be between two steps of the message it just
	 * handed over (moving it to Sent Items) when the test asks.
	 */
	private int awaitIdleQuiet(MsgStore store) {
		long deadline = System.nanoTime() + MILLISECONDS.toNanos(TIMEOUT);
		long seen = mark();
		int out = store.storeLogoff(StoreLogoffFlag.LOGOFF_QUIET.value());
		while ((out & COMPLETE) == 0 && System.nanoTime() < deadline) {
			// The spooler's next step, or a short while: it may have published its last step already.
			watch.awaitBriefly(seen, 100, e -> e.call().equals("IMsgStore::FinishedMsg") || e.call().equals("IXPLogon::SubmitMessage"));
			seen = mark();
			out = store.storeLogoff(StoreLogoffFlag.LOGOFF_QUIET.value());
		}
		return out;
	}

	/**
	 * Opens the store again in the session and checks what is left in the Outbox and what was
	 * sent. The valve fails first: the store opened again would otherwise send what is left.
	 */
	private static void assertMessages(MapiSession session, List<String> outbox, List<String> sent) {
		Valve.fail(true);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		try {
			assertEquals(outbox, subjects(store, "Outbox"), "Outbox");
			assertEquals(sent, subjects(store, "Sent Items"), "Sent Items");
		} finally {
			store.release();
		}
	}
}

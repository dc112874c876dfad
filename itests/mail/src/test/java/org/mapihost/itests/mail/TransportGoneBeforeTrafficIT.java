package org.mapihost.itests.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.itests.testkit.Trace;
import org.mapihost.itests.valve.Valve;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A session's transport goes (hot unload) after MAPILogonEx and before the session's first store
 * opens, so its traffic was never enabled. A message submitted in that session must wait in the
 * Outbox for a session that has the transport — not come back as undeliverable because the
 * session never saw a transport for its address type (the soak found messages lost so).
 */
class TransportGoneBeforeTrafficIT extends MailTestSupport {
	private static final int COMPLETE = StoreLogoffFlag.LOGOFF_COMPLETE.value();
	private static final int QUEUE = StoreLogoffFlag.LOGOFF_OUTBOUND_QUEUE.value();

	@TempDir
	Path root;

	@Test
	void aMessageWaitsInTheOutboxAndTheNextSessionSendsIt() throws Exception {
		String profile = storeAndValveProfile(root);
		MapiSession session = logon(profile);
		Bundle valve = FrameworkUtil.getBundle(Valve.class);
		long start = mark();
		valve.stop();
		try {
			watch.await(start, "MAPI::HotUnload", TIMEOUT);
		} finally {
			valve.start();
		}

		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		submit(store, "waits");
		assertEquals(COMPLETE | QUEUE, store.storeLogoff(StoreLogoffFlag.LOGOFF_PURGE.value()),
				"after a whole pass of the spooler the message is still queued");
		assertEquals(List.of("waits"), subjects(store, "Outbox"));
		assertEquals(List.of(), subjects(store, "Inbox"), "no non-delivery report");
		store.release();
		session.logoff(0);
		session.release();
		Trace slice = since(start);
		assertEquals(0, slice.count("MAPI::NonDeliveryReport"), slice::toString);

		MapiSession next = logon(profile);
		MsgStore reopened = next.openMsgStore("store", STORE_FLAGS);
		assertTrue(Valve.awaitAccepted(1, TIMEOUT), "the next session's spooler sent it");
		assertEquals(COMPLETE, reopened.storeLogoff(StoreLogoffFlag.LOGOFF_PURGE.value()));
		assertEquals(List.of(), subjects(reopened, "Outbox"));
		assertEquals(List.of("waits"), subjects(reopened, "Sent Items"));
		assertEquals(1, Valve.accepted().size(), Valve.calls()::toString);
		reopened.release();
		next.logoff(0);
		next.release();
	}
}

package org.mapihost.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapihost.api.EntryId;
import org.mapihost.api.Message;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.faulty.FaultyProviders;
import org.mapihost.itests.testkit.Trace;

/**
 * Faults in the calls the spooler makes on its own thread: a transport's SubmitMessage and Poll.
 * The fault is a {@code Violation} (an error code is the transport's answer: the message waits),
 * the message stays in the Outbox, the session logs off within bounds, nothing leaks, and another
 * session works.
 */
class SpoolerFaultsIT extends FaultsTestSupport {
	@TempDir
	Path data;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "submitMessage:hang-interruptibly, IXPLogon::SubmitMessage", "submitMessage:hang:1000, IXPLogon::SubmitMessage",
			"submitMessage:throw, IXPLogon::SubmitMessage", "submitMessage:error:MAPI_E_NETWORK_ERROR, IXPLogon::SubmitMessage",
			"poll:hang-interruptibly, IXPLogon::Poll", "poll:throw, IXPLogon::Poll" })
	void aFaultyTransportLeavesTheMessageQueuedAndTheSessionLogsOff(String fault, String call) throws Exception {
		String profile = profile(Map.of("entries", "store, xp", "store.provider", "org.mapihost.providers.store",
				"store.root", data.resolve("maildir").toString(), "store.identityName", "Alice", "store.identityAddress",
				FaultyProviders.ADDRESS_TYPE + ":alice", "xp.provider", FaultyProviders.XP, "xp." + FaultyProviders.FAULTS, fault));
		long mark = mark();
		MapiSession session = logon(profile);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		boolean submit = fault.startsWith("submitMessage");
		if (submit) {
			EntryId drafts = store.createFolder("Drafts");
			EntryId draft = store.saveMessage(drafts, Message.draft("faulty", null,
					List.of(new Recipient("Bob", FaultyProviders.ADDRESS_TYPE, "bob")), "body"));
			store.submitMessage(draft);
		}
		String method = fault.substring(0, fault.indexOf(':'));
		if (fault.contains("hang")) {
			assertTrue(faults.awaitHang(method, TIMEOUT), "the transport hangs in " + method);
			assertWellSessionWorks();
		}
		boolean error = fault.contains(":error:");
		if (error) {
			watch.await(mark, call + " with its error", TIMEOUT, e -> e.call().equals(call) && e.result().equals("MAPI_E_NETWORK_ERROR"));
		} else {
			TraceEvent violation = watch.await(mark, "a violation about " + call, TIMEOUT,
					e -> e.call().equals(TraceEvent.VIOLATION) && e.detail().startsWith(call + " "));
			assertEquals(FaultyProviders.XP, violation.provider());
		}
		if (submit) {
			assertEquals(List.of("faulty"), store.contents(store.folder("Outbox")).stream().map(MessageRow::message).map(Message::subject)
					.toList(), "the message waits in the Outbox");
		}

		long beforeLogoff = mark();
		assertEquals(0, store.release());
		session.logoff(0);
		Trace slice = awaitLogoff(beforeLogoff, session);
		assertEquals(ResultCode.S_OK.name(), slice.only("IMAPISession::Logoff").result());
		slice.only("IXPProvider::Release");
		slice.only("IMSProvider::Release");
		assertEquals(0, session.release());
		assertNoLeaks(session);
		assertWellSessionWorks();
	}
}

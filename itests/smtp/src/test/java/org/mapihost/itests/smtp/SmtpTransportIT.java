package org.mapihost.itests.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;

/**
 * The SMTP transport against a live GreenMail: a message submitted from the Maildir store
 * arrives and the kept connection ends with {@code QUIT} at {@code TransportLogoff}; with
 * nothing listening, or with the server gone after a first message, the message stays in the
 * Outbox, the status row says the transport is not connected, and once the server is back the
 * message goes, once. A {@link Relay} in front of GreenMail sees the connections from outside.
 */
class SmtpTransportIT extends SmtpTestSupport {
	private static final String NOT_CONNECTED = "Available, inbound and outbound enabled; not connected";
	private static final String CONNECTED_TO = "Available, inbound and outbound enabled; connected to ";

	@TempDir
	Path data;

	@Test
	void aMessageArrivesOverOneConnectionThatEndsWithQuitAtTransportLogoff() throws Exception {
		try (Relay relay = new Relay(greenMail.smtpPort())) {
			MapiSession session = logon(storeAndSmtpProfile(data.resolve("alice"), relay.port()));
			MsgStore store = session.openMsgStore("store", STORE_FLAGS);
			assertEquals(NOT_CONNECTED, smtpStatus(session), "before the first send");
			assertEquals(0, relay.links().size(), "the transport's logon does not connect");
			long start = mark();

			submit(store, "arrives", "Greetings over SMTP");
			TraceEvent submitted = watch.await(start, "the SMTP send", TIMEOUT, call(session, "IXPLogon::SubmitMessage"));
			assertEquals(ResultCode.S_OK.name(), submitted.result(), submitted::toJson);
			watch.await(start, "FinishedMsg", TIMEOUT, call(session, "IMsgStore::FinishedMsg"));
			List<Pop3Mailbox.Mail> mail = awaitMail(mailbox("arrives"), 1);
			assertEquals(1, mail.size(), mail::toString);
			assertEquals("Greetings over SMTP", mail.get(0).subject(), mail.get(0).text());
			assertEquals(body("Greetings over SMTP"), mail.get(0).body().strip(), mail.get(0).text());
			assertTrue(mail.get(0).text().startsWith("Return-Path: <alice@example.org>"), mail.get(0).text());
			assertEquals(List.of("Greetings over SMTP"), subjects(store, "Sent Items"));
			assertEquals(List.of(), subjects(store, "Outbox"));
			assertEquals(CONNECTED_TO + relay.server(), smtpStatus(session));
			assertEquals(1, relay.links().size(), "one connection");
			Relay.Link link = relay.links().get(0);
			assertTrue(link.isOpen(), "the connection is kept while the transport is logged on");
			assertEquals(List.of(), since(start).violations());

			store.release();
			long logoff = mark();
			session.logoff(0);
			TraceEvent transportLogoff = watch.await(logoff, "TransportLogoff", TIMEOUT, call(session, "IXPLogon::TransportLogoff"));
			assertEquals(ResultCode.S_OK.name(), transportLogoff.result(), transportLogoff::toJson);
			assertTrue(link.awaitEnd(TIMEOUT), () -> "the connection ends at TransportLogoff: " + link);
			assertTrue(link.clientText().endsWith("\r\nQUIT\r\n"), link::clientText);
			assertTrue(link.serverText().contains("\r\n221 "), link::serverText);
			assertEquals(1, relay.links().size(), "no connection after the first");
			assertEquals(List.of(), since(start).violations());
			session.release();
		}
	}

	@Test
	void aRefusedConnectionLeavesTheMessageInTheOutboxAndTheTransportNotConnected() {
		int nothingListens = GreenMailProcess.freePort();
		String server = GreenMailProcess.HOST + ":" + nothingListens;
		MapiSession session = logon(storeAndSmtpProfile(data.resolve("alice"), nothingListens));
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		long start = mark();

		submit(store, "refused", "Refused at the door");
		Trace tried = watch.awaitSlice(start, "two failed sends (the first and a retry)", TIMEOUT,
				slice -> slice.all(failedSend(session)).size() >= 2);
		for (TraceEvent send : tried.all(call(session, "IXPLogon::SubmitMessage"))) {
			assertEquals(ResultCode.MAPI_E_NETWORK_ERROR.name(), send.result(), send::toJson);
			assertTrue(String.valueOf(send.detail()).contains("cannot connect to " + server), send::toJson);
		}
		assertEquals(0, tried.count("IMsgStore::FinishedMsg"), tried::toString);
		assertEquals(List.of("Refused at the door"), subjects(store, "Outbox"));
		assertEquals(List.of(), subjects(store, "Sent Items"));
		assertFailureRow(smtpStatus(session), "cannot connect to " + server);
		assertEquals(List.of(), mailbox("refused").messages());

		store.release();
		long logoff = mark();
		session.logoff(0);
		TraceEvent transportLogoff = watch.await(logoff, "TransportLogoff", TIMEOUT, call(session, "IXPLogon::TransportLogoff"));
		assertEquals(ResultCode.S_OK.name(), transportLogoff.result(), transportLogoff::toJson);
		assertEquals(List.of(), since(start).violations());
		session.release();
	}

	@Test
	void aDroppedConnectionLeavesTheMessageQueuedUntilTheServerIsBackThenItGoesOnce() throws Exception {
		try (Relay relay = new Relay(greenMail.smtpPort())) {
			MapiSession session = logon(storeAndSmtpProfile(data.resolve("alice"), relay.port()));
			MsgStore store = session.openMsgStore("store", STORE_FLAGS);
			Pop3Mailbox mailbox = mailbox("dropped");
			long start = mark();
			submit(store, "dropped", "Before the drop");
			watch.await(start, "FinishedMsg", TIMEOUT, call(session, "IMsgStore::FinishedMsg"));
			assertEquals(CONNECTED_TO + relay.server(), smtpStatus(session));
			Relay.Link first = relay.links().get(0);

			relay.goDown();
			assertTrue(first.awaitEnd(TIMEOUT), "the relay dropped the connection");
			long dropped = mark();
			submit(store, "dropped", "After the drop");
			TraceEvent failed = watch.await(dropped, "a failed send", TIMEOUT, failedSend(session));
			assertTrue(String.valueOf(failed.detail()).contains("cannot connect to " + relay.server()), failed::toJson);
			assertTrue(relay.turnedAway() >= 1, "the transport tried to connect again");
			assertEquals(List.of("After the drop"), subjects(store, "Outbox"));
			assertFailureRow(smtpStatus(session), "cannot connect to " + relay.server());
			assertEquals(List.of("Before the drop"), mailbox.messages().stream().map(Pop3Mailbox.Mail::subject).toList());

			long back = mark();
			relay.comeBack();
			watch.await(back, "the send once the server is back", TIMEOUT,
					call(session, "IXPLogon::SubmitMessage").and(e -> e.result().equals(ResultCode.S_OK.name())));
			watch.await(back, "FinishedMsg", TIMEOUT, call(session, "IMsgStore::FinishedMsg"));
			List<Pop3Mailbox.Mail> mail = awaitMail(mailbox, 2);
			assertEquals(List.of("Before the drop", "After the drop"), mail.stream().map(Pop3Mailbox.Mail::subject).toList());
			assertEquals(body("After the drop"), mail.get(1).body().strip(), mail.get(1).text());
			assertEquals(List.of(), subjects(store, "Outbox"));
			assertEquals(List.of("After the drop", "Before the drop"), subjects(store, "Sent Items").stream().sorted().toList());
			assertEquals(CONNECTED_TO + relay.server(), smtpStatus(session));
			assertEquals(2, relay.links().size(), () -> "the first connection and one after the server came back: " + relay.links());
			assertEquals(2, relay.links().stream().mapToInt(link -> count(link.clientText(), "\r\nDATA\r\n")).sum(),
					"each message went over the wire once");
			assertEquals(List.of(), since(start).violations());

			store.release();
			session.logoff(0);
			session.release();
		}
	}

	private static Predicate<TraceEvent> call(MapiSession session, String call) {
		return e -> e.call().equals(call) && session.id().equals(e.session());
	}

	private static Predicate<TraceEvent> failedSend(MapiSession session) {
		return call(session, "IXPLogon::SubmitMessage").and(e -> e.result().equals(ResultCode.MAPI_E_NETWORK_ERROR.name()));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	/** After a failed send the row says so, why, and that the message waits. */
	private static void assertFailureRow(String status, String why) {
		assertTrue(status.startsWith(NOT_CONNECTED + "; last send failed: ") && status.contains(why)
				&& status.endsWith("; messages wait in the Outbox"), () -> "the status row says why the send failed: " + status);
	}
}

package org.mapihost.providers.transport.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.transport.smtp.Smtp.message;
import static org.mapihost.providers.transport.smtp.Smtp.smtp;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.TransportLogoffFlag;
import org.mapihost.api.provider.Undeliverable;
import org.mapihost.providers.testkit.RecordingSupport;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

class SmtpTransportTest {
	private static final Duration WAIT = Duration.ofSeconds(10);

	private TestSmtpServer server;
	private WireTap tap;
	private Smtp smtp;

	@BeforeEach
	void start() throws Exception {
		server = new TestSmtpServer();
		server.start();
		tap = new WireTap(server.port());
		smtp = new Smtp(tap.port());
	}

	@AfterEach
	void stop() throws Exception {
		tap.close();
		server.stop();
	}

	@Test
	void aMessageArrivesWithItsRecipientsSubjectAndBody() throws Exception {
		SmtpLogon logon = smtp.logOn();
		List<Undeliverable> refused = logon.submitMessage(message("m1@example.org", "Greetings", smtp("bob@example.org"),
				smtp("carol@example.org")), List.of(smtp("bob@example.org"), smtp("carol@example.org")));
		assertEquals(List.of(), refused);
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 2));
		MimeMessage[] received = server.getReceivedMessages();
		assertEquals(2, received.length);
		MimeMessage message = received[0];
		assertEquals("Greetings", message.getSubject());
		assertEquals("<m1@example.org>", message.getMessageID());
		assertEquals(List.of("bob@example.org", "carol@example.org"),
				Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList());
		assertEquals("Hello from m1@example.org.\r\n.leading dot", GreenMailUtil.getBody(message).strip());
		assertTrue(tap.link(0).clientText().contains("\r\n..leading dot\r\n"), "dot-stuffed on the wire");
	}

	@Test
	void oneConnectionOpenedAtTheFirstSendServesTwoMessagesAndEndsWithQuitAtLogoff() throws Exception {
		RecordingSupport support = smtp.support();
		SmtpLogon logon = smtp.logOn(support);
		assertEquals(0, tap.connections(), "logon does not connect");
		assertEquals("Available, inbound and outbound enabled; not connected",
				support.rows.get(support.rows.size() - 1).string(StatusColumn.PR_STATUS_STRING));

		logon.submitMessage(message("a@example.org", "one", smtp("bob@example.org")), List.of(smtp("bob@example.org")));
		logon.submitMessage(message("b@example.org", "two", smtp("bob@example.org")), List.of(smtp("bob@example.org")));
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 2));
		assertEquals(1, tap.connections());
		WireTap.Link link = tap.link(0);
		assertEquals(1, count(link.clientText(), "EHLO "));
		assertEquals(2, count(link.clientText(), "MAIL FROM:<alice@example.org>"));
		assertTrue(link.isOpen(), "kept while logged on");
		assertEquals("Available, inbound and outbound enabled; connected to 127.0.0.1:" + tap.port(),
				support.rows.get(support.rows.size() - 1).string(StatusColumn.PR_STATUS_STRING));

		logon.transportLogoff(TransportLogoffFlag.LOGOFF_NORMAL.value());
		assertTrue(link.awaitEnd(WAIT), "the connection ends at TransportLogoff");
		assertTrue(link.clientText().endsWith("\r\nQUIT\r\n"), link.clientText());
		assertTrue(link.serverText().contains("\r\n221 "), link.serverText());
		assertEquals("Release", support.lastCall());
		assertEquals(1, support.count("Release"));
		assertEquals(1, tap.connections());
	}

	@Test
	void theSameMessageSubmittedAgainIsSentOnce() throws Exception {
		SmtpLogon logon = smtp.logOn();
		var message = message("again@example.org", "again", smtp("bob@example.org"));
		logon.submitMessage(message, List.of(smtp("bob@example.org")));
		logon.submitMessage(message, List.of(smtp("bob@example.org")));
		logon.submitMessage(message("next@example.org", "next", smtp("bob@example.org")), List.of(smtp("bob@example.org")));
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 2));
		assertEquals(2, server.getReceivedMessages().length);
		assertEquals(2, count(tap.link(0).clientText(), "MAIL FROM"));
	}

	@Test
	void aRecipientRefusedWith5xxIsUndeliverableAndTheOthersGetTheMessage() throws Exception {
		SmtpLogon logon = smtp.logOn();
		Recipient nobody = smtp("nobody@" + TestSmtpServer.REFUSED);
		List<Undeliverable> refused = logon.submitMessage(message("r@example.org", "refused", smtp("bob@example.org"), nobody),
				List.of(nobody, smtp("bob@example.org")));
		assertEquals(1, refused.size());
		assertEquals(nobody, refused.get(0).recipient());
		assertEquals("the server refused RCPT TO:<nobody@refused.test>: 550 5.1.1 <nobody@refused.test>: no such user here",
				refused.get(0).reason());
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 1));
		assertEquals(1, server.getReceivedMessages().length);

		List<Undeliverable> allRefused = logon.submitMessage(message("r2@example.org", "refused", nobody), List.of(nobody));
		assertEquals(List.of(nobody), allRefused.stream().map(Undeliverable::recipient).toList());
		assertEquals(1, count(tap.link(0).clientText(), "DATA"), "no DATA when every recipient was refused");
	}

	@Test
	void aRecipientDeferredWith4xxIsANetworkErrorAndNothingIsSent() throws Exception {
		SmtpLogon logon = smtp.logOn();
		Recipient busy = smtp("bob@" + TestSmtpServer.BUSY);
		MapiException e = assertThrows(MapiException.class, () -> logon.submitMessage(
				message("d@example.org", "deferred", smtp("carol@example.org"), busy), List.of(smtp("carol@example.org"), busy)));
		assertEquals(ResultCode.MAPI_E_NETWORK_ERROR, e.code());
		assertTrue(e.getMessage().contains("451 4.2.1"), e.getMessage());

		logon.submitMessage(message("after@example.org", "after", smtp("carol@example.org")), List.of(smtp("carol@example.org")));
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 1));
		assertEquals(List.of("after"), Arrays.stream(server.getReceivedMessages()).map(SmtpTransportTest::subject).toList());
		assertEquals(1, tap.connections(), "the connection survives a deferral");
	}

	@Test
	void aConnectionTheServerDroppedIsReopenedOnce() throws Exception {
		SmtpLogon logon = smtp.logOn();
		logon.submitMessage(message("x@example.org", "before", smtp("bob@example.org")), List.of(smtp("bob@example.org")));
		tap.dropAll();
		assertTrue(tap.link(0).awaitEnd(WAIT));

		logon.submitMessage(message("y@example.org", "after", smtp("bob@example.org")), List.of(smtp("bob@example.org")));
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 2));
		assertEquals(2, tap.connections());
		assertTrue(smtp.log.lines.stream().anyMatch(l -> l.contains("reconnecting once")), smtp.log.lines.toString());
	}

	@Test
	void aServerThatIsDownIsANetworkError() throws Exception {
		tap.close();
		RecordingSupport support = smtp.support();
		SmtpLogon logon = smtp.logOn(support);
		MapiException e = assertThrows(MapiException.class,
				() -> logon.submitMessage(message("down@example.org", "down", smtp("bob@example.org")), List.of(smtp("bob@example.org"))));
		assertEquals(ResultCode.MAPI_E_NETWORK_ERROR, e.code());
		assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + tap.port()), e.getMessage());
		logon.transportLogoff(0);
		assertEquals("Release", support.lastCall());
	}

	@Test
	void startTlsRequiredRefusesAServerWithoutStartTlsBeforeSendingAnything() {
		// GreenMail 2.1 speaks no STARTTLS (its EHLO offers AUTH and SMTPUTF8 only), so this is the refusal side.
		SmtpLogon logon = smtp.logOn(SmtpSettings.START_TLS, "required", SmtpSettings.USERNAME, "alice", SmtpSettings.PASSWORD, "pw");
		MapiException e = assertThrows(MapiException.class,
				() -> logon.submitMessage(message("tls@example.org", "tls", smtp("bob@example.org")), List.of(smtp("bob@example.org"))));
		assertEquals(ResultCode.MAPI_E_NETWORK_ERROR, e.code());
		assertTrue(e.getMessage().contains("does not offer STARTTLS"), e.getMessage());
		String wire = tap.link(0).clientText();
		assertFalse(wire.contains("AUTH") || wire.contains("MAIL FROM"), wire);
	}

	@Test
	void aSenderThatIsNotSmtpUsesEnvelopeFromOrIsUndeliverable() throws Exception {
		Recipient peerSender = new Recipient("Alice", "PEER", "alice");
		Recipient bob = smtp("bob@example.org");
		List<Undeliverable> refused = smtp.logOn().submitMessage(message("p@example.org", peerSender, "peer", bob), List.of(bob));
		assertEquals(List.of(new Undeliverable(bob, "the sender PEER:alice is not an SMTP address and no envelopeFrom is set")), refused);

		smtp.logOn(SmtpSettings.ENVELOPE_FROM, "robot@example.org").submitMessage(message("q@example.org", peerSender, "peer", bob),
				List.of(bob, new Recipient("Carol", "PEER", "carol")));
		assertTrue(server.waitForIncomingEmail(WAIT.toMillis(), 1));
		assertTrue(tap.link(0).clientText().contains("MAIL FROM:<robot@example.org>"), tap.link(0).clientText());
	}

	static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		} catch (jakarta.mail.MessagingException e) {
			throw new AssertionError(e);
		}
	}
}

package org.mapihost.providers.transport.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.transport.smtp.Smtp.message;
import static org.mapihost.providers.transport.smtp.Smtp.smtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusRow;
import org.mapihost.providers.testkit.RecordingSupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;

/** AUTH against GreenMail, and the password nowhere but on the wire. */
class SmtpCredentialsTest {
	private static final String PASSWORD = "Tr0ub4dor&3-secret";
	private static final String WRONG = "Wr0ng-Tr0ub4dor&3";

	private TestSmtpServer server;
	private WireTap tap;
	private Smtp smtp;

	@BeforeEach
	void start() throws Exception {
		server = new TestSmtpServer();
		server.withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.org", "alice", PASSWORD));
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
	void authWithTheRightPasswordSendsAndTheWrongOneFailsAndNeitherIsShownAnywhere() throws Exception {
		RecordingSupport good = smtp.support(SmtpSettings.USERNAME, "alice", SmtpSettings.PASSWORD, PASSWORD);
		String settings = SmtpSettings.from(good.openProfileSection()).toString();
		SmtpLogon logon = smtp.logOn(good);
		logon.submitMessage(message("auth@example.org", "auth", smtp("bob@example.org")), List.of(smtp("bob@example.org")));
		assertTrue(server.waitForIncomingEmail(10_000, 1));
		assertTrue(tap.link(0).clientText().contains("AUTH PLAIN"), tap.link(0).clientText());
		assertTrue(tap.link(0).serverText().contains("\r\n235 "), "GreenMail accepted the credentials");

		RecordingSupport bad = smtp.support(SmtpSettings.USERNAME, "alice", SmtpSettings.PASSWORD, WRONG);
		SmtpLogon refused = smtp.logOn(bad);
		MapiException e = assertThrows(MapiException.class,
				() -> refused.submitMessage(message("bad@example.org", "bad", smtp("bob@example.org")), List.of(smtp("bob@example.org"))));
		assertEquals(ResultCode.MAPI_E_LOGON_FAILED, e.code());
		logon.transportLogoff(0);
		refused.transportLogoff(0);

		List<String> shown = new ArrayList<>(smtp.log.lines);
		for (RecordingSupport support : List.of(good, bad)) {
			support.rows.stream().map(StatusRow::toString).forEach(shown::add);
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			shown.add(t.toString());
		}
		shown.add(logon.toString());
		shown.add(settings);
		assertTrue(smtp.log.lines.stream().anyMatch(l -> l.contains("auth=yes")), "the settings were logged: " + smtp.log.lines);
		assertTrue(shown.stream().anyMatch(l -> l.contains("535")), "the refusal was reported: " + shown);
		for (String secret : List.of(PASSWORD, WRONG, base64(PASSWORD), base64(WRONG), base64("\0alice\0" + PASSWORD),
				base64("\0alice\0" + WRONG))) {
			for (String text : shown) {
				assertFalse(text.contains(secret), "a password in: " + text);
			}
		}
	}

	@Test
	void credentialsGoInClearOnlyToLoopbackOrWithStartTlsNone() throws Exception {
		SmtpSettings optional = SmtpSettings.from(smtp.support(SmtpSettings.USERNAME, "a", SmtpSettings.PASSWORD, "p").openProfileSection());
		SmtpSettings none = SmtpSettings.from(smtp.support(SmtpSettings.USERNAME, "a", SmtpSettings.PASSWORD, "p",
				SmtpSettings.START_TLS, "none").openProfileSection());
		java.net.InetAddress remote = java.net.InetAddress.getByAddress(new byte[] { (byte) 192, 0, 2, 1 });
		assertFalse(SmtpConnection.mayAuthenticateInClear(optional, remote));
		assertTrue(SmtpConnection.mayAuthenticateInClear(none, remote));
		assertTrue(SmtpConnection.mayAuthenticateInClear(optional, java.net.InetAddress.getLoopbackAddress()));
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}
}

package org.mapihost.providers.transport.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.ProfileSection;

class SmtpSettingsTest {
	@Test
	void defaults() {
		SmtpSettings settings = SmtpSettings.from(section(SmtpSettings.HOST, "mail.example.org"));
		assertEquals(new SmtpSettings("mail.example.org", 25, SmtpSettings.StartTls.OPTIONAL, Optional.empty(), Optional.empty(),
				"localhost", 30_000, Optional.empty()), settings);
		assertFalse(settings.authenticates());
	}

	@Test
	void everySetting() {
		SmtpSettings settings = SmtpSettings.from(section(SmtpSettings.HOST, "mail.example.org", SmtpSettings.PORT, "587",
				SmtpSettings.START_TLS, "Required", SmtpSettings.USERNAME, "alice", SmtpSettings.PASSWORD, "pw 1",
				SmtpSettings.HELO_NAME, "client.example.org", SmtpSettings.TIMEOUT_MILLIS, "5000", SmtpSettings.ENVELOPE_FROM,
				"robot@example.org"));
		assertEquals(new SmtpSettings("mail.example.org", 587, SmtpSettings.StartTls.REQUIRED, Optional.of("alice"), Optional.of("pw 1"),
				"client.example.org", 5000, Optional.of("robot@example.org")), settings);
		assertEquals("SmtpSettings[mail.example.org:587, startTls=REQUIRED, auth=yes, heloName=client.example.org, timeoutMillis=5000, "
				+ "envelopeFrom=robot@example.org]", settings.toString());
	}

	@Test
	void badSettingsAreUnconfiguredAndNamed() {
		assertUnconfigured("'host'");
		assertUnconfigured("'port' = '0'", SmtpSettings.HOST, "h", SmtpSettings.PORT, "0");
		assertUnconfigured("'port' = 'smtp'", SmtpSettings.HOST, "h", SmtpSettings.PORT, "smtp");
		assertUnconfigured("'startTls' = 'always'", SmtpSettings.HOST, "h", SmtpSettings.START_TLS, "always");
		assertUnconfigured("'timeoutMillis' = '-1'", SmtpSettings.HOST, "h", SmtpSettings.TIMEOUT_MILLIS, "-1");
		assertUnconfigured("'envelopeFrom' = 'robot'", SmtpSettings.HOST, "h", SmtpSettings.ENVELOPE_FROM, "robot");
		assertUnconfigured("'username' and 'password'", SmtpSettings.HOST, "h", SmtpSettings.USERNAME, "alice");
		MapiException e = assertThrows(MapiException.class,
				() -> SmtpSettings.from(section(SmtpSettings.HOST, "h", SmtpSettings.PASSWORD, "s3cret")));
		assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
	}

	private static void assertUnconfigured(String named, String... settings) {
		MapiException e = assertThrows(MapiException.class, () -> SmtpSettings.from(section(settings)));
		assertEquals(ResultCode.MAPI_E_UNCONFIGURED, e.code());
		assertTrue(e.getMessage().contains(named), e.getMessage());
	}

	private static ProfileSection section(String... keysAndValues) {
		Map<String, String> settings = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			settings.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return new ProfileSection("profile", "smtp", SmtpTransportProvider.NAME, settings);
	}
}

package org.mapihost.api.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProfileSectionTest {
	@Test
	void toStringNamesTheSettingsButShowsNoValue() {
		ProfileSection section = new ProfileSection("alice", "smtp", "org.mapihost.providers.transport.smtp",
				Map.of("host", "mail.example.org", "username", "alice-user-7Q", "password", "Tr0ub4dor&3-secret"));
		String shown = section.toString();
		assertEquals("ProfileSection[profileName=alice, entryName=smtp, providerName=org.mapihost.providers.transport.smtp, "
				+ "settings=[host, password, username]]", shown);
		for (String value : section.settings().values()) {
			assertFalse(shown.contains(value), shown);
		}
		assertEquals("Tr0ub4dor&3-secret", section.setting("password", null));
	}
}

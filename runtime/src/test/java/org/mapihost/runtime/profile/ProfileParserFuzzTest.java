package org.mapihost.runtime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Profile configuration parsing on any configuration: the input after its first byte is a
 * {@code .cfg} file (what FileInstall reads from {@code etc/}); the first byte's bits turn
 * {@code entries} into a string array (bit 0), with a null element (bit 1), or into a list
 * (bit 2), as ConfigAdmin may hand them over. The parser either gives a profile that obeys the
 * documented rules and comes out the same when written back as properties and read again, or
 * refuses with an {@link IllegalArgumentException} that says why; nothing else escapes.
 */
class ProfileParserFuzzTest {
	private static final String ENTRY_NAME = "[A-Za-z0-9_.\\-]{1,64}";

	@FuzzTest
	void profilesParseConsistentlyOrAreRefusedWithAReason(byte[] input) throws IOException {
		if (input.length == 0) {
			return;
		}
		Map<String, Object> properties;
		try {
			properties = configuration(input[0], new String(input, 1, input.length - 1, StandardCharsets.UTF_8));
		} catch (IllegalArgumentException e) {
			return; // not a properties file (a broken unicode escape): FileInstall refuses it before any profile is parsed
		}
		Profile profile;
		try {
			profile = ProfileParser.parse(properties);
		} catch (IllegalArgumentException e) {
			assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
			return;
		}
		assertObeysTheRules(profile, properties);
		assertEquals(profile, ProfileParser.parse(written(profile)), "written back and read again");
	}

	private static Map<String, Object> configuration(int mode, String cfg) throws IOException {
		Properties file = new Properties();
		file.load(new StringReader(cfg));
		Map<String, Object> properties = new HashMap<>();
		file.forEach((key, value) -> properties.put((String) key, value));
		if (properties.get("entries") instanceof String entries) {
			List<String> names = new ArrayList<>(Arrays.asList(entries.split(",")));
			if ((mode & 2) != 0) {
				names.add(names.size() / 2, null);
			}
			if ((mode & 1) != 0) {
				properties.put("entries", names.toArray(new String[0]));
			} else if ((mode & 4) != 0) {
				properties.put("entries", names);
			}
		}
		return properties;
	}

	private static void assertObeysTheRules(Profile profile, Map<String, Object> properties) {
		assertFalse(profile.name().isBlank());
		assertEquals(profile.name().strip(), profile.name());
		assertTrue(profile.name().length() <= ProfileParser.MAX_NAME_LENGTH, profile.name());
		assertFalse(profile.entries().isEmpty());
		Set<String> names = new HashSet<>();
		for (Profile.Entry entry : profile.entries()) {
			assertTrue(entry.name().matches(ENTRY_NAME), entry.name());
			assertTrue(names.add(entry.name()), "listed once: " + entry.name());
			assertFalse(entry.providerName().isBlank());
			assertEquals(entry.providerName().strip(), entry.providerName());
			for (String key : entry.settings().keySet()) {
				assertFalse(key.isEmpty() || key.equals("provider"), entry.name() + "." + key);
				assertTrue(properties.containsKey(entry.name() + "." + key), "a setting comes from the configuration: " + key);
			}
		}
		for (Profile.Entry entry : profile.entries()) {
			for (Profile.Entry other : profile.entries()) {
				if (other.name().startsWith(entry.name() + ".")) {
					String rest = other.name().substring(entry.name().length() + 1);
					entry.settings().keySet().forEach(key -> assertFalse(key.startsWith(rest + "."),
							"'" + entry.name() + "." + key + "' belongs to the entry '" + other.name() + "'"));
				}
			}
		}
	}

	private static Map<String, Object> written(Profile profile) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("name", profile.name());
		properties.put("entries", String.join(",", profile.entries().stream().map(Profile.Entry::name).toList()));
		for (Profile.Entry entry : profile.entries()) {
			entry.settings().forEach((key, value) -> properties.put(entry.name() + "." + key, value));
			properties.put(entry.name() + ".provider", entry.providerName());
		}
		return properties;
	}
}

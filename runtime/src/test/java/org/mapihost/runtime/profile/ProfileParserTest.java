package org.mapihost.runtime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileParserTest {

	/** The example of docs/CONTRACTS.md. */
	private static Map<String, Object> contractExample() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("service.pid", "org.mapihost.profile~default");
		properties.put("name", "default");
		properties.put("entries", "store, contacts, peer");
		properties.put("store.provider", "org.mapihost.sample.memstore");
		properties.put("store.display", "Personal Folders");
		properties.put("contacts.provider", "org.mapihost.sample.memab");
		properties.put("peer.provider", "org.mapihost.sample.memxp");
		return properties;
	}

	private static IllegalArgumentException refused(Map<String, Object> properties) {
		return assertThrows(IllegalArgumentException.class, () -> ProfileParser.parse(properties));
	}

	private static void assertMentions(IllegalArgumentException e, String text) {
		assertTrue(e.getMessage().contains(text), "'" + e.getMessage() + "' should name " + text);
	}

	@Test
	void parsesTheContractExample() {
		Profile profile = ProfileParser.parse(contractExample());
		assertEquals("default", profile.name());
		assertEquals(List.of("store", "contacts", "peer"), profile.entries().stream().map(Profile.Entry::name).toList());
		assertEquals(new Profile.Entry("store", "org.mapihost.sample.memstore", Map.of("display", "Personal Folders")),
				profile.entries().get(0));
		assertEquals(new Profile.Entry("contacts", "org.mapihost.sample.memab", Map.of()), profile.entries().get(1));
		assertEquals(new Profile.Entry("peer", "org.mapihost.sample.memxp", Map.of()), profile.entries().get(2));
		assertEquals(Optional.of(profile.entries().get(1)), profile.entry("contacts"));
		assertEquals(Optional.empty(), profile.entry("nothing"));
	}

	@Test
	void anEntryShowsItsSettingsKeysButNoValue() {
		Map<String, Object> properties = contractExample();
		properties.put("store.password", "Tr0ub4dor&3-secret");
		Profile profile = ProfileParser.parse(properties);
		assertEquals("Entry[name=store, providerName=org.mapihost.sample.memstore, settings=[display, password]]",
				profile.entries().get(0).toString());
		assertFalse(profile.toString().contains("Tr0ub4dor&3-secret"), profile.toString());
	}

	@Test
	void entriesMayBeAStringArray() {
		Map<String, Object> properties = contractExample();
		properties.put("entries", new String[] { "peer", " store " });
		Profile profile = ProfileParser.parse(properties);
		assertEquals(List.of("peer", "store"), profile.entries().stream().map(Profile.Entry::name).toList());
	}

	@Test
	void entriesKeepTheirOrder() {
		Map<String, Object> properties = contractExample();
		properties.put("entries", "peer,contacts,store");
		assertEquals(List.of("peer", "contacts", "store"),
				ProfileParser.parse(properties).entries().stream().map(Profile.Entry::name).toList());
	}

	@Test
	void settingsBelongToTheirEntryWithoutTheProviderKey() {
		Map<String, Object> properties = contractExample();
		properties.put("store.path", "/var/mail");
		properties.put("store.folders", new String[] { "Inbox", "Outbox" });
		properties.put("peer.drop", "/tmp/drop");
		properties.put("unlisted.provider", "x");
		properties.put("storeroom.key", "not the store's");
		Profile profile = ProfileParser.parse(properties);
		assertEquals(Map.of("display", "Personal Folders", "path", "/var/mail", "folders", "Inbox,Outbox"),
				profile.entry("store").orElseThrow().settings());
		assertEquals(Map.of("drop", "/tmp/drop"), profile.entry("peer").orElseThrow().settings());
		assertEquals(Map.of(), profile.entry("contacts").orElseThrow().settings());
	}

	/**
	 * Entry names may contain '.', so with entries {@code a} and {@code a.b} the key
	 * {@code a.b.provider} is entry {@code a.b}'s provider, not a setting {@code b.provider} of
	 * entry {@code a}.
	 */
	@Test
	void aDottedEntryDoesNotLeakIntoThePrefixEntrysSettings() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("name", "dotted");
		properties.put("entries", "a, a.b");
		properties.put("a.provider", "pa");
		properties.put("a.b.provider", "pab");
		properties.put("a.b.path", "/x");
		Profile profile = ProfileParser.parse(properties);
		assertEquals("pab", profile.entry("a.b").orElseThrow().providerName());
		assertEquals(Map.of("path", "/x"), profile.entry("a.b").orElseThrow().settings());
		assertEquals(Map.of(), profile.entry("a").orElseThrow().settings());
	}

	@Test
	void trimsNameAndProvider() {
		Map<String, Object> properties = contractExample();
		properties.put("name", "  default  ");
		properties.put("store.provider", " org.mapihost.sample.memstore ");
		Profile profile = ProfileParser.parse(properties);
		assertEquals("default", profile.name());
		assertEquals("org.mapihost.sample.memstore", profile.entry("store").orElseThrow().providerName());
	}

	@Test
	void entryNamesMayUseLettersDigitsDashUnderscoreDot() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("name", "p");
		properties.put("entries", "Store-1_a.b");
		properties.put("Store-1_a.b.provider", "x");
		assertEquals("Store-1_a.b", ProfileParser.parse(properties).entries().get(0).name());
	}

	@Test
	void aNameOf64CharactersIsFine() {
		Map<String, Object> properties = contractExample();
		properties.put("name", "n".repeat(64));
		assertEquals(64, ProfileParser.parse(properties).name().length());
	}

	@Test
	void refusesAMissingName() {
		Map<String, Object> properties = contractExample();
		properties.remove("name");
		assertMentions(refused(properties), "'name'");
	}

	@Test
	void refusesABlankName() {
		Map<String, Object> properties = contractExample();
		properties.put("name", "   ");
		assertMentions(refused(properties), "'name'");
	}

	@Test
	void refusesANameLongerThan64Characters() {
		Map<String, Object> properties = contractExample();
		properties.put("name", "n".repeat(65));
		IllegalArgumentException e = refused(properties);
		assertMentions(e, "name");
		assertMentions(e, "64");
	}

	@Test
	void refusesMissingEntries() {
		Map<String, Object> properties = contractExample();
		properties.remove("entries");
		assertMentions(refused(properties), "'entries'");
	}

	@Test
	void refusesEntriesOfTheWrongType() {
		Map<String, Object> properties = contractExample();
		properties.put("entries", 42);
		assertMentions(refused(properties), "'entries'");
	}

	@Test
	void refusesAnEmptyEntriesArray() {
		Map<String, Object> properties = contractExample();
		properties.put("entries", new String[0]);
		IllegalArgumentException e = refused(properties);
		assertMentions(e, "'entries'");
		assertMentions(e, "empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void refusesAnEmptyEntriesString(String entries) {
		Map<String, Object> properties = contractExample();
		properties.put("entries", entries);
		assertMentions(refused(properties), "'entries'");
	}

	@Test
	void refusesAMissingProvider() {
		Map<String, Object> properties = contractExample();
		properties.remove("contacts.provider");
		assertMentions(refused(properties), "'contacts.provider'");
	}

	@Test
	void refusesABlankProvider() {
		Map<String, Object> properties = contractExample();
		properties.put("peer.provider", " ");
		assertMentions(refused(properties), "'peer.provider'");
	}

	@Test
	void refusesADuplicateEntry() {
		Map<String, Object> properties = contractExample();
		properties.put("entries", "store, peer, store");
		IllegalArgumentException e = refused(properties);
		assertMentions(e, "'store'");
		assertMentions(e, "twice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "my store", "store/1", "store=x", "störe", "a,,b" })
	void refusesBadEntryNameCharacters(String entries) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("name", "p");
		properties.put("entries", entries);
		for (String entry : entries.split(",")) {
			properties.put(entry.trim() + ".provider", "x");
		}
		IllegalArgumentException e = refused(properties);
		assertMentions(e, "entry name");
	}

	@Test
	void refusesAnEntryNameLongerThan64Characters() {
		Map<String, Object> properties = new HashMap<>();
		String entry = "e".repeat(65);
		properties.put("name", "p");
		properties.put("entries", entry);
		properties.put(entry + ".provider", "x");
		IllegalArgumentException e = refused(properties);
		assertMentions(e, "entry name");
		assertMentions(e, "1-64");
	}
}

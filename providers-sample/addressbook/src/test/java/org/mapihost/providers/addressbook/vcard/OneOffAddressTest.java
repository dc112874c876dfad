package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneOffAddressTest {
	@ParameterizedTest
	@ValueSource(strings = { "someone@example.org", "first.last+tag@sub.example.org", "o'brien@example.ie", "x@localhost",
			"user@b\u00fccher.example", "a@b-c.example", "{weird}!#$%&*=?^_`|~@example.org" })
	void acceptsValidSmtpAddresses(String address) {
		assertTrue(SmtpAddress.isValid(address), address);
		assertEquals(address, new OneOffAddress("smtp", address).address());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "someone", "@example.org", "someone@", "a@b@example.org", "some one@example.org",
			".a@example.org", "a.@example.org", "a..b@example.org", "a@example..org", "a@-example.org", "a@example-.org",
			"a@example.org.", "a@exa_mple.org", "\"quoted\"@example.org", "a@[192.0.2.1]", "jos\u00e9@example.org",
			"a@example.org\n", "a@ex ample.org" })
	void rejectsInvalidSmtpAddresses(String address) {
		assertFalse(SmtpAddress.isValid(address), address);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OneOffAddress("SMTP", address));
		assertTrue(e.getMessage().startsWith("'" + address + "' is not an SMTP address: "), e.getMessage());
	}

	@Test
	void rejectsOverlongSmtpAddresses() {
		String local64 = "a".repeat(64);
		assertTrue(SmtpAddress.isValid(local64 + "@example.org"));
		assertFalse(SmtpAddress.isValid(local64 + "a@example.org"), "local part over 64");
		String domain192 = ("b".repeat(62) + ".").repeat(3) + "org";
		assertTrue(SmtpAddress.isValid("a@" + domain192));
		assertFalse(SmtpAddress.isValid(local64 + "@" + domain192), "over 254 in all");
		assertFalse(SmtpAddress.isValid("a@" + ("b".repeat(62) + ".").repeat(4) + "org"), "domain over 253");
		assertFalse(SmtpAddress.isValid("a@" + "c".repeat(64) + ".org"), "label over 63");
	}

	@Test
	void parsesTypedBracketedAndBareForms() {
		OneOffAddress expected = new OneOffAddress("SMTP", "someone@example.org");
		assertEquals(expected, OneOffAddress.parse("SMTP:someone@example.org"));
		assertEquals(expected, OneOffAddress.parse("[smtp:someone@example.org]"));
		assertEquals(expected, OneOffAddress.parse("  someone@example.org "));
		assertEquals(new OneOffAddress("PEER", "bob"), OneOffAddress.parse("peer:bob"));
		assertEquals("SMTP:someone@example.org", expected.toString());
	}

	@Test
	void tellsTheTypePrefix() {
		assertEquals(Optional.of("SMTP"), OneOffAddress.typePrefix("smtp:x"));
		assertEquals(Optional.of("X-LOCAL_1"), OneOffAddress.typePrefix("[x-local_1:y]"));
		assertEquals(Optional.empty(), OneOffAddress.typePrefix("someone@example.org"));
		assertEquals(Optional.empty(), OneOffAddress.typePrefix("1abc:x"));
		assertEquals(Optional.empty(), OneOffAddress.typePrefix("Bob Smith"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1SMTP", "SM TP", "S:MTP", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" })
	void rejectsBadAddressTypes(String type) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OneOffAddress(type, "x"));
		assertTrue(e.getMessage().startsWith("'" + type + "' is not an address type"), e.getMessage());
	}

	@Test
	void checksAddressesOfOtherTypesForLengthBlanksAndControlCharacters() {
		assertEquals("b\u00f6b", new OneOffAddress("PEER", "b\u00f6b").address());
		assertEquals("x".repeat(256), new OneOffAddress("PEER", "x".repeat(256)).address());
		assertThrows(IllegalArgumentException.class, () -> new OneOffAddress("PEER", ""));
		assertThrows(IllegalArgumentException.class, () -> new OneOffAddress("PEER", "x".repeat(257)));
		assertThrows(IllegalArgumentException.class, () -> new OneOffAddress("PEER", " bob"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OneOffAddress("PEER", "b\u0000b"));
		assertTrue(e.getMessage().contains("control character"), e.getMessage());
	}
}

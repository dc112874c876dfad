package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameResolverTest {
	private static final Contact ALICE = contact(0, "Alice Smith", "alice@example.org");
	private static final Contact BOB = contact(1, "Bob", "bob@example.org");
	private static final Contact BOBBY = contact(2, "Bobby Tables", "bobby@school.example");
	private static final Contact JEAN_LUC = contact(3, "Jean-Luc Picard", "captain@enterprise.example");
	private static final Contact NO_EMAIL = contact(4, "Alina Nomail");
	private static final Contact SHARED_1 = contact(5, "Front Desk", "desk@example.org");
	private static final Contact SHARED_2 = contact(6, "Reception", "desk@example.org");
	private static final List<Contact> CONTACTS = List.of(ALICE, BOB, BOBBY, JEAN_LUC, NO_EMAIL, SHARED_1, SHARED_2);

	private final NameResolver resolver = new NameResolver();

	@ParameterizedTest
	@ValueSource(strings = { "Alice Smith", "alice   SMITH", "ali", "smi", "smi ali", "Alice S", "alice@example.org", "ALICE@ex" })
	void findsAliceByNameWordPrefixesOrAddress(String typed) {
		assertEquals(new Resolution.Unique(typed.strip(), ALICE), resolver.resolve(typed, CONTACTS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "luc", "jean-luc", "Jean Luc P", "pic" })
	void wordsAreSplitAtHyphens(String typed) {
		assertEquals(new Resolution.Unique(typed, JEAN_LUC), resolver.resolve(typed, CONTACTS));
	}

	@Test
	void anExactNameWinsOverPrefixMatches() {
		assertEquals(new Resolution.Unique("bob", BOB), resolver.resolve("bob", CONTACTS));
	}

	@Test
	void severalPrefixMatchesAreAmbiguousOrderedByName() {
		Resolution resolution = resolver.resolve("bo", CONTACTS);
		assertEquals(new Resolution.Ambiguous("bo", List.of(BOB, BOBBY)), resolution);
	}

	@Test
	void anAddressTwoContactsShareIsAmbiguous() {
		assertEquals(new Resolution.Ambiguous("desk@example.org", List.of(SHARED_1, SHARED_2)),
				resolver.resolve("desk@example.org", CONTACTS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ice", "zed", "Alice Jones", "Re: lunch", "PEER:bob" })
	void nothingMatchesInsideWordsOrOtherWords(String typed) {
		Resolution resolution = resolver.resolve(typed, CONTACTS);
		Resolution.Unresolved unresolved = assertInstanceOf(Resolution.Unresolved.class, resolution);
		assertTrue(unresolved.reason().contains("no contact's name or e-mail address matches"), unresolved.reason());
	}

	@Test
	void aContactWithoutAnAddressIsNeverAMatch() {
		assertInstanceOf(Resolution.Unresolved.class, resolver.resolve("alin", CONTACTS));
		assertInstanceOf(Resolution.Unresolved.class, resolver.resolve("Alina Nomail", CONTACTS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "SMTP:someone@example.org", "smtp:someone@example.org", "[SMTP:someone@example.org]",
			" SMTP: someone@example.org ", "someone@example.org" })
	void typedAndBareAddressesAreOneOffs(String typed) {
		Resolution resolution = resolver.resolve(typed, CONTACTS);
		assertTrue(resolution.isOneOff(), resolution.toString());
		assertEquals(new OneOffAddress("SMTP", "someone@example.org"), ((Resolution.OneOff) resolution).address());
	}

	@Test
	void aTypedAddressIsAOneOffEvenWhenAContactHasIt() {
		Resolution resolution = resolver.resolve("SMTP:bob@example.org", CONTACTS);
		assertEquals(new Resolution.OneOff("SMTP:bob@example.org", new OneOffAddress("SMTP", "bob@example.org")), resolution);
		assertFalse(resolver.resolve("bob@example.org", CONTACTS).isOneOff(), "bare, it is Bob's");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SMTP:not an address", "SMTP:", "[SMTP:a@b@c]", "SMTP:someone@-bad-.example" })
	void aTypedAddressThatFailsTheCheckIsUnresolvedWithTheReason(String typed) {
		Resolution.Unresolved unresolved = assertInstanceOf(Resolution.Unresolved.class, resolver.resolve(typed, CONTACTS));
		assertTrue(unresolved.reason().contains("is not an SMTP address"), unresolved.reason());
	}

	@Test
	void anIncompleteAddressIsAPrefixOrUnresolvedSayingWhy() {
		assertEquals(new Resolution.Unique("bobby@", BOBBY), resolver.resolve("bobby@", CONTACTS));
		Resolution.Unresolved unresolved = assertInstanceOf(Resolution.Unresolved.class, resolver.resolve("zed@", CONTACTS));
		assertTrue(unresolved.reason().endsWith("not a valid SMTP address"), unresolved.reason());
	}

	@Test
	void aBareAddressWithoutADotInItsDomainIsAPrefixNotAOneOff() {
		assertEquals(new Resolution.Unique("alice@exam", ALICE), resolver.resolve("alice@exam", CONTACTS));
		Resolution.Unresolved unresolved = assertInstanceOf(Resolution.Unresolved.class, resolver.resolve("bob@localhost", CONTACTS));
		assertTrue(unresolved.reason().endsWith("type SMTP:bob@localhost for this one"), unresolved.reason());
		assertEquals(new Resolution.OneOff("SMTP:bob@localhost", new OneOffAddress("SMTP", "bob@localhost")),
				resolver.resolve("SMTP:bob@localhost", CONTACTS));
	}

	@Test
	void otherAddressTypesAreOneOffsOnlyWhenAccepted() {
		NameResolver withPeer = new NameResolver(Set.of("SMTP", "peer"));
		assertEquals(new Resolution.OneOff("PEER:bob", new OneOffAddress("PEER", "bob")), withPeer.resolve("PEER:bob", CONTACTS));
		assertInstanceOf(Resolution.Unresolved.class, resolver.resolve("PEER:bob", CONTACTS));
	}

	@Test
	void aResolverWithoutSmtpTakesABareAddressAsAName() {
		NameResolver peerOnly = new NameResolver(Set.of("PEER"));
		assertInstanceOf(Resolution.Unresolved.class, peerOnly.resolve("someone@example.org", CONTACTS));
		assertInstanceOf(Resolution.Unresolved.class, peerOnly.resolve("SMTP:someone@example.org", CONTACTS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void rejectsABlankName(String typed) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(typed, CONTACTS));
		assertTrue(e.getMessage().contains("'" + typed + "'"), e.getMessage());
	}

	private static Contact contact(int index, String name, String... emails) {
		return new Contact(ContactId.fromUid("uid-" + index), index, 1, name,
				Arrays.stream(emails).map(email -> new EmailAddress(email, Set.of(), false)).toList(), List.of());
	}
}

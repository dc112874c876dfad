package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.addressbook.vcard.Cards.card;
import static org.mapihost.providers.addressbook.vcard.Cards.utf8;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The {@code X-MAPIHOST-ADDRESS} property, one-offs of any type and the container's entry ID. */
class TypedAddressTest {
	private static final String PEER_ONLY = card("VERSION:4.0", "FN:Carol", "X-MAPIHOST-ADDRESS:PEER:carol");
	private static final String BOTH = card("VERSION:3.0", "FN:Bob", "EMAIL:bob@example.org", "item1.X-MAPIHOST-ADDRESS:peer:bob",
			"X-MAPIHOST-ADDRESS:FAX:+1 555 0100");
	private static final String BAD = card("VERSION:4.0", "FN:Dave", "EMAIL:dave@example.org", "X-MAPIHOST-ADDRESS:just-a-name",
			"X-MAPIHOST-ADDRESS:SMTP:not an address");
	private static final String ADDRESS_ONLY = card("VERSION:4.0", "X-MAPIHOST-ADDRESS:PEER:eve");

	@Test
	void theFirstTypedAddressIsTheContactsAddressAheadOfItsEmail() throws Exception {
		List<Contact> contacts = CardLoader.load(utf8(PEER_ONLY, BOTH), 10, 1).contacts();
		assertEquals(Optional.of(new OneOffAddress("PEER", "carol")), contacts.get(0).address());
		assertEquals(List.of(new OneOffAddress("PEER", "bob"), new OneOffAddress("FAX", "+1 555 0100")), contacts.get(1).typedAddresses());
		assertEquals(Optional.of(new OneOffAddress("PEER", "bob")), contacts.get(1).address());
	}

	@Test
	void typedAddressesThatAreNotTypeColonAddressAreLeftOutWithAWarning() throws Exception {
		Contact dave = CardLoader.load(utf8(BAD), 10, 1).contacts().get(0);
		assertEquals(List.of(), dave.typedAddresses());
		assertEquals(Optional.of(new OneOffAddress("SMTP", "dave@example.org")), dave.address());
		assertEquals(2, dave.warnings().size(), dave.warnings()::toString);
		assertTrue(dave.warnings().get(0).message().contains("'just-a-name' is not TYPE:address"), dave.warnings().toString());
		assertTrue(dave.warnings().get(1).message().contains("is not an SMTP address"), dave.warnings().toString());
	}

	@Test
	void aCardWithOnlyATypedAddressLoadsNamedByIt() throws Exception {
		Contact eve = CardLoader.load(utf8(ADDRESS_ONLY), 10, 1).contacts().get(0);
		assertEquals("eve", eve.displayName());
	}

	@Test
	void theResolverFindsContactsByTypedAddressAndAcceptsAnyOneOffTypeWithTheWildcard() throws Exception {
		List<Contact> contacts = CardLoader.load(utf8(PEER_ONLY, BOTH), 10, 1).contacts();
		NameResolver smtpOnly = new NameResolver();
		assertEquals(new Resolution.Unique("carol", contacts.get(0)), smtpOnly.resolve("carol", contacts));
		assertEquals(new Resolution.Unique("PEER:bob", contacts.get(1)), smtpOnly.resolve("PEER:bob", contacts));
		assertEquals(new Resolution.Unique("+1", contacts.get(1)), smtpOnly.resolve("+1", contacts));

		NameResolver any = new NameResolver(Set.of(NameResolver.ANY_TYPE));
		assertEquals(new Resolution.OneOff("X400:c=us", new OneOffAddress("X400", "c=us")), any.resolve("X400:c=us", contacts));
		assertInstanceOf(Resolution.OneOff.class, any.resolve("someone@example.org", contacts));
		assertInstanceOf(Resolution.Unique.class, any.resolve("Carol", contacts));
	}

	@Test
	void theContainerHasATwoByteEntryIdThatComesBack() {
		byte[] data = EntryIdCodec.encode(RootContainer.INSTANCE);
		assertEquals(2, data.length);
		assertEquals(RootContainer.INSTANCE, EntryIdCodec.decode(data));
	}
}

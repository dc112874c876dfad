package org.mapihost.providers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mapihost.api.Recipient;
import org.mapihost.providers.store.maildir.MailAddress;

class AddressesTest {
	@Test
	void smtpAddressesAreWrittenAsTheyAre() {
		Recipient carol = new Recipient("Carol", "SMTP", "carol@example.org");
		assertEquals(new MailAddress("Carol", "carol@example.org"), Addresses.toMail(carol));
		assertEquals(Optional.of(carol), Addresses.fromMail(Addresses.toMail(carol)));
		assertEquals(new MailAddress("", "bob@example.org"), Addresses.toMail(Recipient.parse("SMTP:bob@example.org")));
	}

	@Test
	void otherAddressTypesAreEncapsulated() {
		assertEquals(new MailAddress("", "IMCEAPEER-alice@mapihost.invalid"), Addresses.toMail(Recipient.parse("PEER:alice")));
		for (Recipient odd : new Recipient[] { new Recipient("B\u00f6b", "X-400", "c=de;a= ;p=b\u00f6b+1@x"),
				new Recipient("a-b.c", "PEER", "a-b.c"), Recipient.parse("PEER:+41") }) {
			assertEquals(Optional.of(odd), Addresses.fromMail(Addresses.toMail(odd)), odd::toString);
		}
	}

	@Test
	void withoutADisplayNameTheAddressIsShown() {
		assertEquals(Optional.of(new Recipient("bob", "PEER", "bob")), Addresses.fromMail(Addresses.toMail(new Recipient("", "PEER", "bob"))));
	}

	@Test
	void anEncapsulatedAddressOfAnotherDomainIsAnSmtpAddress() {
		assertEquals("SMTP", Addresses.fromMail(MailAddress.of("IMCEAPEER-alice@example.org")).orElseThrow().addressType());
	}
}

package org.mapihost.providers.memab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

class ContactTest {
	@Test
	void parsesNamedQuotedAndBareAddresses() {
		assertEquals(List.of(new Contact("Alice", "alice@example.org"), new Contact("Bob B.", "bob@example.org"),
				new Contact("carol@example.org", "carol@example.org"), new Contact("dave@example.org", "dave@example.org")),
				Contact.parseAll(" Alice <alice@example.org>;\"Bob B.\" <bob@example.org> ; carol@example.org;; <dave@example.org>"));
	}

	@Test
	void emptySettingMeansNoContacts() {
		assertEquals(List.of(), Contact.parseAll(" ; "));
	}

	@Test
	void rejectsWhatIsNotAnAddress() {
		for (String bad : List.of("Alice", "Alice <alice@example.org", "a b@example.org", "<>")) {
			MapiException e = assertThrows(MapiException.class, () -> Contact.parseAll(bad), bad);
			assertEquals(ResultCode.MAPI_E_UNCONFIGURED, e.code());
		}
	}
}

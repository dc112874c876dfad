package org.mapihost.providers.addressbook.vcard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A contact read from one card of a vCard file. Immutable.
 *
 * @param id          stable across reloads, see {@link ContactId}
 * @param index       the card's place in the file, counting from 0
 * @param line        the line of the card's {@code BEGIN:VCARD}, counting from 1
 * @param displayName from {@code FN}, else {@code N}, else the first e-mail address
 * @param emails      in the card's order; values that are not addresses are left out with a warning
 * @param warnings    what ez-vcard or the address check skipped in this card
 * @param typedAddresses from {@code X-MAPIHOST-ADDRESS} ({@code PEER:bob}), in the card's order;
 *                    values that are not {@code TYPE:address} are left out with a warning
 */
public record Contact(ContactId id, int index, int line, String displayName, List<EmailAddress> emails,
		List<CardWarning> warnings, List<OneOffAddress> typedAddresses) {
	public Contact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(displayName, "displayName");
		emails = List.copyOf(emails);
		warnings = List.copyOf(warnings);
		typedAddresses = List.copyOf(typedAddresses);
	}

	/** A contact with e-mail addresses only. */
	public Contact(ContactId id, int index, int line, String displayName, List<EmailAddress> emails, List<CardWarning> warnings) {
		this(id, index, line, displayName, emails, warnings, List.of());
	}

	/**
	 * @return the address the contact is reached at: the first typed address, else the
	 *         {@link #primaryEmail()} as SMTP; empty for a contact without any, who cannot be a
	 *         recipient
	 */
	public Optional<OneOffAddress> address() {
		return typedAddresses.stream().findFirst()
				.or(() -> primaryEmail().map(email -> new OneOffAddress(OneOffAddress.SMTP, email.address())));
	}

	/** Every address of the contact as text: the e-mail addresses, then the typed addresses' addresses. */
	List<String> addressTexts() {
		return Stream.concat(emails.stream().map(EmailAddress::address),
				typedAddresses.stream().map(OneOffAddress::address)).toList();
	}

	/**
	 * @return the first preferred address, else the first address; empty for a contact
	 *         without any, who cannot be a recipient
	 */
	public Optional<EmailAddress> primaryEmail() {
		return emails.stream().filter(EmailAddress::preferred).findFirst().or(() -> emails.stream().findFirst());
	}
}

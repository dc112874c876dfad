package org.mapihost.providers.addressbook.vcard;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An e-mail address of a contact with the card's {@code TYPE} values in lower case
 * ({@code work}, {@code home}, {@code internet}, …); {@code pref} is not among them but
 * sets {@code preferred}, as does a {@code PREF} parameter. Immutable.
 */
public record EmailAddress(String address, Set<String> types, boolean preferred) {
	public EmailAddress {
		SmtpAddress.requireValid(address);
		types = types.stream()
				.map(type -> type.toLowerCase(Locale.ROOT))
				.filter(type -> !type.equals("pref"))
				.collect(Collectors.toUnmodifiableSet());
	}
}

package org.mapihost.providers.addressbook.vcard;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-off recipient: an address type and an address that are in no address book, as typed
 * {@code SMTP:someone@example.org}, {@code [SMTP:someone@example.org]} or a bare
 * {@code someone@example.org} (which means SMTP). The address type is 1 to 32 letters,
 * digits, {@code _} or {@code -}, starting with a letter, kept in upper case. SMTP addresses
 * are checked by {@link SmtpAddress}; other addresses are 1 to {@value #MAX_ADDRESS_LENGTH}
 * characters without control characters and without surrounding spaces. Immutable; the
 * constructor rejects anything else, so every instance is valid.
 */
public record OneOffAddress(String addressType, String address) implements EntryTarget {
	public static final String SMTP = "SMTP";
	public static final int MAX_ADDRESS_TYPE_LENGTH = 32;
	public static final int MAX_ADDRESS_LENGTH = 256;

	private static final Pattern ADDRESS_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0," + (MAX_ADDRESS_TYPE_LENGTH - 1) + "}");
	private static final Pattern TYPED = Pattern.compile("\\[(" + ADDRESS_TYPE + "):(.*)\\]|(" + ADDRESS_TYPE + "):(.*)", Pattern.DOTALL);

	/**
	 * @throws IllegalArgumentException naming the bad address type or address
	 */
	public OneOffAddress {
		if (addressType == null || !ADDRESS_TYPE.matcher(addressType).matches()) {
			throw new IllegalArgumentException("'" + addressType + "' is not an address type: 1 to " + MAX_ADDRESS_TYPE_LENGTH
					+ " letters, digits, '_' or '-', starting with a letter");
		}
		addressType = addressType.toUpperCase(Locale.ROOT);
		if (SMTP.equals(addressType)) {
			SmtpAddress.requireValid(address);
		} else {
			requirePlainAddress(addressType, address);
		}
	}

	/**
	 * The address type a typed one-off starts with: {@code SMTP} for {@code SMTP:x} and
	 * {@code [smtp:x]}; empty for anything else, a bare address included.
	 */
	public static Optional<String> typePrefix(String typed) {
		Matcher matcher = TYPED.matcher(typed.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String type = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
		return Optional.of(type.toUpperCase(Locale.ROOT));
	}

	/**
	 * Parses {@code TYPE:address}, {@code [TYPE:address]} or a bare SMTP address.
	 *
	 * @throws IllegalArgumentException naming what was typed and what is wrong with it
	 */
	public static OneOffAddress parse(String typed) {
		if (typed == null) {
			throw new IllegalArgumentException("no one-off address given");
		}
		Matcher matcher = TYPED.matcher(typed.strip());
		if (!matcher.matches()) {
			return new OneOffAddress(SMTP, typed.strip());
		}
		boolean bracketed = matcher.group(1) != null;
		return new OneOffAddress(matcher.group(bracketed ? 1 : 3), matcher.group(bracketed ? 2 : 4).strip());
	}

	private static void requirePlainAddress(String addressType, String address) {
		if (address == null || address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH) {
			throw new IllegalArgumentException("a " + addressType + " address has 1 to " + MAX_ADDRESS_LENGTH + " characters, got "
					+ (address == null ? "none" : address.length()));
		}
		if (!address.equals(address.strip())) {
			throw new IllegalArgumentException("the " + addressType + " address '" + address + "' starts or ends with a space");
		}
		if (address.codePoints().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("the " + addressType + " address '" + address.replaceAll("\\p{Cntrl}", "?")
					+ "' has a control character");
		}
	}

	@Override
	public String toString() {
		return addressType + ":" + address;
	}
}

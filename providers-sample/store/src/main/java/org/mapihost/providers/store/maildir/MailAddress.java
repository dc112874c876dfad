package org.mapihost.providers.store.maildir;

/**
 * One mailbox of a From, To or Cc header. Immutable.
 *
 * @param name    the display name, or empty
 * @param address the address, {@code local@domain}
 */
public record MailAddress(String name, String address) {
	public MailAddress {
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("a mail address needs an address, got " + Printable.quote(address));
		}
		name = name == null ? "" : name;
	}

	public static MailAddress of(String address) {
		return new MailAddress("", address);
	}
}

package org.mapihost.providers.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.providers.store.maildir.MailAddress;

/**
 * Recipients in RFC 5322 headers. {@code SMTP} addresses are written as they are; other address
 * types are encapsulated as Exchange does ("IMCEA"):
 * {@code IMCEA<type>-<address>@mapihost.invalid}, every byte of the UTF-8 type and address
 * other than letters, digits and {@code _} written as {@code +XX}. So {@code PEER:alice} is
 * {@code IMCEAPEER-alice@mapihost.invalid}. Stateless.
 */
final class Addresses {
	static final String SMTP = "SMTP";
	static final String DOMAIN = "mapihost.invalid";
	private static final String PREFIX = "IMCEA";
	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private Addresses() {
	}

	static MailAddress toMail(Recipient recipient) {
		String address = SMTP.equals(recipient.addressType()) ? recipient.address()
				: PREFIX + encode(recipient.addressType()) + "-" + encode(recipient.address()) + "@" + DOMAIN;
		String name = recipient.displayName().equals(recipient.address()) ? "" : recipient.displayName();
		return new MailAddress(name, address);
	}

	/**
	 * @return the recipient, or empty when the header's address is not one a recipient can have
	 */
	static Optional<Recipient> fromMail(MailAddress mail) {
		String address = mail.address();
		int at = address.lastIndexOf('@');
		String local = at < 0 ? address : address.substring(0, at);
		int dash = local.indexOf('-');
		try {
			if (at > 0 && address.substring(at + 1).equalsIgnoreCase(DOMAIN)
					&& local.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && dash > PREFIX.length()) {
				String type = decode(local.substring(PREFIX.length(), dash)).toUpperCase(Locale.ROOT);
				String decoded = decode(local.substring(dash + 1));
				return Optional.of(new Recipient(mail.name().isEmpty() ? decoded : mail.name(), type, decoded));
			}
			return Optional.of(new Recipient(mail.name().isEmpty() ? address : mail.name(), SMTP, address));
		} catch (MapiException e) {
			return Optional.empty();
		}
	}

	private static String encode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_') {
				encoded.append((char) b);
			} else {
				encoded.append('+').append(HEX.toHexDigits(b));
			}
		}
		return encoded.toString();
	}

	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			} else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}
}

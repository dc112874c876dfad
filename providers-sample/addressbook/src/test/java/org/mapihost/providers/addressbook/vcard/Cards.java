package org.mapihost.providers.addressbook.vcard;

import java.nio.charset.StandardCharsets;

/** vCard text for tests. */
final class Cards {
	private Cards() {
	}

	/** The lines joined with CRLF, each line ended. */
	static String lines(String... lines) {
		return String.join("\r\n", lines) + "\r\n";
	}

	static String card(String... properties) {
		String[] lines = new String[properties.length + 2];
		lines[0] = "BEGIN:VCARD";
		System.arraycopy(properties, 0, lines, 1, properties.length);
		lines[lines.length - 1] = "END:VCARD";
		return lines(lines);
	}

	static byte[] utf8(String... parts) {
		return String.join("", parts).getBytes(StandardCharsets.UTF_8);
	}
}

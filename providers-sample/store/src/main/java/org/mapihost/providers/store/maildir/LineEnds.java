package org.mapihost.providers.store.maildir;

import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;

/**
 * Line ends between the Maildir file (LF) and the wire format (CRLF), and in message text,
 * where a line ends with an LF and any CRs right before it. Stateless.
 */
public final class LineEnds {
	private static final Pattern LINE_END = Pattern.compile("\r*\n");

	private LineEnds() {
	}

	/**
	 * @return the text with each line end (an LF and the CRs right before it) as one LF; a CR
	 *         elsewhere stays
	 */
	public static String toLf(String text) {
		return LINE_END.matcher(text).replaceAll("\n");
	}

	/**
	 * @return the bytes with every LF not already after a CR preceded by one
	 */
	public static byte[] toCrlf(byte[] unix) {
		ByteArrayOutputStream wire = new ByteArrayOutputStream(unix.length + unix.length / 40 + 2);
		for (int i = 0; i < unix.length; i++) {
			if (unix[i] == '\n' && (i == 0 || unix[i - 1] != '\r')) {
				wire.write('\r');
			}
			wire.write(unix[i]);
		}
		return wire.toByteArray();
	}
}

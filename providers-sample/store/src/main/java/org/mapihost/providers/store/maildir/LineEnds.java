package org.mapihost.providers.store.maildir;

import java.io.ByteArrayOutputStream;

/**
 * Line ends between the Maildir file (LF) and the wire format (CRLF). Stateless.
 */
public final class LineEnds {
	private LineEnds() {
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

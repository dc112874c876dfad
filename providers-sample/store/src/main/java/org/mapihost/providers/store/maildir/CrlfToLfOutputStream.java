package org.mapihost.providers.store.maildir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the CRLF line ends of the wire format into the LF line ends Maildir files use; a lone
 * CR is kept. {@link #flush()} holds back a trailing CR until the next byte or {@link #finish()}.
 * Does not close the stream under it. Not thread-safe.
 */
final class CrlfToLfOutputStream extends FilterOutputStream {
	private boolean pendingCr;

	CrlfToLfOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		if (pendingCr) {
			pendingCr = false;
			if (b != '\n') {
				out.write('\r');
			}
		}
		if (b == '\r') {
			pendingCr = true;
		} else {
			out.write(b);
		}
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(bytes[i]);
		}
	}

	/**
	 * Writes a CR held back at the very end and flushes; the stream under it stays open.
	 */
	void finish() throws IOException {
		if (pendingCr) {
			pendingCr = false;
			out.write('\r');
		}
		out.flush();
	}

	@Override
	public void close() throws IOException {
		finish();
	}
}

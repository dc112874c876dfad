package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one RFC 5322 message, for example a {@link TextMessageBuilder} or a message's bytes.
 */
@FunctionalInterface
public interface MessageSource {
	/**
	 * @param out where the message goes; not closed
	 */
	void writeTo(OutputStream out) throws IOException;

	/**
	 * @param message a whole message; not copied, so do not change it while it is delivered
	 * @return a source that writes those bytes
	 */
	static MessageSource of(byte[] message) {
		return out -> out.write(message);
	}
}

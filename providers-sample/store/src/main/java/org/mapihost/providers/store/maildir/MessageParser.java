package org.mapihost.providers.store.maildir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads an RFC 5322 message with Apache James mime4j. Permissive, as messages written by other
 * tools may bend the rules; headers mime4j cannot parse come out empty. A message file is read
 * whole, so at most {@value #MAX_BYTES} bytes of it, and its text is looked for in the first
 * {@value #MAX_DEPTH} levels of multiparts. mime4j's parser recurses once per level of
 * multipart, so a message that mentions {@code multipart/} more than {@value #MAX_MULTIPARTS}
 * times is read flat: headers only, no text. Stateless.
 */
final class MessageParser {
	/** The largest message file read: 64 MiB, more than mail servers commonly accept. */
	static final int MAX_BYTES = 64 * 1024 * 1024;
	static final int MAX_DEPTH = 64;
	static final int MAX_MULTIPARTS = 256;

	private static final byte[] MULTIPART = "multipart/".getBytes(StandardCharsets.US_ASCII);

	private static final String TEXT_PLAIN = "text/plain";

	private MessageParser() {
	}

	/**
	 * @throws IOException when it cannot be read or has more than {@value #MAX_BYTES} bytes
	 */
	static MessageContent parse(InputStream in) throws IOException {
		byte[] bytes = readAtMostMaxBytes(in);
		// a new builder per call: DefaultMessageBuilder is not documented as thread-safe
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
		builder.setFlatMode(mentions(bytes, MULTIPART) > MAX_MULTIPARTS);
		Message message = builder.parseMessage(new ByteArrayInputStream(bytes));
		// no message.dispose(): the default body factory keeps bodies as byte arrays, which need
		// none, and dispose() recurses once per multipart level, so a deep message overflows the stack
		return new MessageContent(message.getSubject(), mailboxes(message.getFrom()),
				mailboxes(message.getTo()), mailboxes(message.getCc()),
				Optional.ofNullable(message.getDate()).map(Date::toInstant),
				Optional.ofNullable(message.getMessageId()).map(String::trim), text(message, 0),
				ReceivedHeader.date(message.getHeader().getField(ReceivedHeader.NAME)));
	}

	/**
	 * @throws IOException when it cannot be read or has more than {@value #MAX_BYTES} bytes
	 */
	static byte[] readAtMostMaxBytes(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new IOException("the message has more than " + MAX_BYTES + " bytes, the most this store reads");
		}
		return bytes;
	}

	/** How often the ASCII word occurs, in any case. */
	private static int mentions(byte[] bytes, byte[] word) {
		int count = 0;
		for (int i = 0; i <= bytes.length - word.length; i++) {
			int matched = 0;
			while (matched < word.length && Character.toLowerCase(bytes[i + matched]) == word[matched]) {
				matched++;
			}
			if (matched == word.length) {
				count++;
			}
		}
		return count;
	}

	private static List<MailAddress> mailboxes(AddressList addresses) {
		return addresses == null ? List.of() : mailboxes(addresses.flatten());
	}

	private static List<MailAddress> mailboxes(MailboxList mailboxes) {
		// a permissive parse can give a mailbox without an address: there is no one to show or answer
		return mailboxes == null ? List.of() : mailboxes.stream()
				.filter(mailbox -> mailbox.getAddress() != null && !mailbox.getAddress().isBlank())
				.map(MessageParser::address).toList();
	}

	private static MailAddress address(Mailbox mailbox) {
		return new MailAddress(mailbox.getName(), mailbox.getAddress());
	}

	/**
	 * @return the first text/plain part, depth first, or {@code null} when there is none
	 */
	private static String text(Entity entity, int depth) throws IOException {
		Body body = entity.getBody();
		if (body instanceof TextBody textBody && TEXT_PLAIN.equalsIgnoreCase(entity.getMimeType())) {
			try (Reader reader = textBody.getReader()) {
				StringWriter text = new StringWriter();
				reader.transferTo(text);
				return LineEnds.toLf(text.toString());
			}
		}
		if (body instanceof Multipart multipart && depth < MAX_DEPTH) {
			for (Entity part : multipart.getBodyParts()) {
				String text = text(part, depth + 1);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}
}

package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
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
 * tools may bend the rules; headers mime4j cannot parse come out empty. Stateless.
 */
final class MessageParser {
	private static final String TEXT_PLAIN = "text/plain";

	private MessageParser() {
	}

	static MessageContent parse(InputStream in) throws IOException {
		// a new builder per call: DefaultMessageBuilder is not documented as thread-safe
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
		Message message = builder.parseMessage(in);
		try {
			return new MessageContent(message.getSubject(), mailboxes(message.getFrom()),
					mailboxes(message.getTo()), mailboxes(message.getCc()),
					Optional.ofNullable(message.getDate()).map(Date::toInstant),
					Optional.ofNullable(message.getMessageId()).map(String::trim), text(message),
					ReceivedHeader.date(message.getHeader().getField(ReceivedHeader.NAME)));
		} finally {
			message.dispose();
		}
	}

	private static List<MailAddress> mailboxes(AddressList addresses) {
		return addresses == null ? List.of() : mailboxes(addresses.flatten());
	}

	private static List<MailAddress> mailboxes(MailboxList mailboxes) {
		return mailboxes == null ? List.of() : mailboxes.stream().map(MessageParser::address).toList();
	}

	private static MailAddress address(Mailbox mailbox) {
		return new MailAddress(mailbox.getName(), mailbox.getAddress());
	}

	/**
	 * @return the first text/plain part, depth first, or {@code null} when there is none
	 */
	private static String text(Entity entity) throws IOException {
		Body body = entity.getBody();
		if (body instanceof TextBody textBody && TEXT_PLAIN.equalsIgnoreCase(entity.getMimeType())) {
			try (Reader reader = textBody.getReader()) {
				StringWriter text = new StringWriter();
				reader.transferTo(text);
				return text.toString().replace("\r\n", "\n");
			}
		}
		if (body instanceof Multipart multipart) {
			for (Entity part : multipart.getBodyParts()) {
				String text = text(part);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}
}

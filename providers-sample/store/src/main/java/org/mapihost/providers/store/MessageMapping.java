package org.mapihost.providers.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.mapihost.api.Message;
import org.mapihost.api.Recipient;
import org.mapihost.providers.store.maildir.MailAddress;
import org.mapihost.providers.store.maildir.MessageContent;
import org.mapihost.providers.store.maildir.StoredMessage;
import org.mapihost.providers.store.maildir.TextMessageBuilder;

/**
 * Between a client's {@link Message} and the RFC 5322 file. What RFC 5322 has no header for is
 * kept the way Maildir tools keep it: the read flag is the {@code S} flag, a message not yet
 * submitted carries the draft flag {@code D} (its Date is then only when it was saved), and the
 * delivery time is the date of the {@code Received} header the store adds on delivery.
 * Stateless.
 */
final class MessageMapping {
	static final String READ_FLAG = "S";
	static final String DRAFT_FLAG = "D";

	private MessageMapping() {
	}

	static String flags(Message message) {
		return (message.read() ? READ_FLAG : "") + (message.submitTime() == null ? DRAFT_FLAG : "");
	}

	/**
	 * @param sender    the From address, or null for none (drafts only)
	 * @param messageId the Message-ID with angle brackets, or null for a new one
	 */
	static TextMessageBuilder toFile(Message message, Recipient sender, String messageId) {
		TextMessageBuilder builder = new TextMessageBuilder().subject(message.subject()).body(message.body())
				.date(message.submitTime()).messageId(messageId).received(message.deliveryTime())
				.draft(message.submitTime() == null);
		if (sender != null) {
			builder.from(Addresses.toMail(sender));
		}
		builder.to(message.recipients().stream().map(Addresses::toMail).toArray(MailAddress[]::new));
		return builder;
	}

	static Message toMessage(MessageContent content, StoredMessage stored) {
		Recipient sender = content.from().stream().map(Addresses::fromMail).flatMap(Optional::stream).findFirst()
				.orElse(null);
		Instant submitted = stored.draft() ? null : content.date().orElse(null);
		return new Message(content.subject(), sender, recipients(content), content.body(), submitted,
				content.received().orElse(null), stored.seen());
	}

	static List<Recipient> recipients(MessageContent content) {
		return Stream.concat(content.to().stream(), content.cc().stream()).map(Addresses::fromMail)
				.flatMap(Optional::stream).toList();
	}

	/**
	 * What a file this store cannot read shows in its folder, so that it can still be deleted.
	 */
	static Message unreadable(StoredMessage stored) {
		return new Message("[unreadable message " + stored.id() + "]", null, List.of(), "", null, null, stored.seen());
	}
}

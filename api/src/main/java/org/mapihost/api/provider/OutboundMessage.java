package org.mapihost.api.provider;

import java.util.Arrays;
import java.util.List;

import org.mapihost.api.EntryId;
import org.mapihost.api.Recipient;

/**
 * A submitted message as the spooler hands it to a transport: its envelope and its RFC 5322
 * bytes, as the store wrote them.
 *
 * @param entryId    the message's entry ID in the store's Outbox
 * @param messageId  its {@code Message-ID}, without angle brackets; the same on every
 *                   attempt, so that a transport can recognise a message it already accepted
 * @param sender     the sender
 * @param recipients every recipient of the message
 * @param content    the RFC 5322 message, CRLF line ends
 * @since 1.0
 */
public record OutboundMessage(EntryId entryId, String messageId, Recipient sender, List<Recipient> recipients, byte[] content) {
	/**
	 * Copies the recipients and the content.
	 *
	 * @param entryId    the entry ID
	 * @param messageId  the message ID
	 * @param sender     the sender
	 * @param recipients the recipients
	 * @param content    the bytes
	 */
	public OutboundMessage {
		recipients = List.copyOf(recipients);
		content = content.clone();
	}

	/**
	 * @return a copy of the RFC 5322 bytes
	 */
	@Override
	public byte[] content() {
		return content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OutboundMessage o && entryId.equals(o.entryId) && messageId.equals(o.messageId)
				&& sender.equals(o.sender) && recipients.equals(o.recipients) && Arrays.equals(content, o.content);
	}

	@Override
	public int hashCode() {
		return messageId.hashCode();
	}

	@Override
	public String toString() {
		return "OutboundMessage[" + messageId + " to " + recipients.stream().map(Recipient::searchKey).toList() + ", "
				+ content.length + " bytes]";
	}
}

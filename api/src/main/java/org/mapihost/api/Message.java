package org.mapihost.api;

import java.time.Instant;
import java.util.List;

/**
 * The content of a message as a client sees it: the properties a store keeps for it. The
 * store writes it as an RFC 5322 message; transports carry those bytes.
 *
 * @param subject      {@code PR_SUBJECT}; may be empty, never null
 * @param sender       {@code PR_SENDER_*}; null for a draft not yet submitted
 * @param recipients   the recipient table ({@code MAPI_TO})
 * @param body         {@code PR_BODY}, plain text; may be empty, never null
 * @param submitTime   {@code PR_CLIENT_SUBMIT_TIME}; null until submitted
 * @param deliveryTime {@code PR_MESSAGE_DELIVERY_TIME}; null until delivered
 * @param read         the read flag ({@code MSGFLAG_READ})
 * @since 1.0
 */
public record Message(String subject, Recipient sender, List<Recipient> recipients, String body, Instant submitTime,
		Instant deliveryTime, boolean read) {
	/**
	 * Copies the recipients and replaces null texts with empty ones.
	 *
	 * @param subject      the subject
	 * @param sender       the sender, or null
	 * @param recipients   the recipients, or null for none
	 * @param body         the body
	 * @param submitTime   when submitted, or null
	 * @param deliveryTime when delivered, or null
	 * @param read         whether read
	 */
	public Message {
		subject = subject == null ? "" : subject;
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
		body = body == null ? "" : body;
	}

	/**
	 * A new message to send: no times, not read.
	 *
	 * @param subject    the subject
	 * @param sender     the sender
	 * @param recipients the recipients
	 * @param body       the body
	 * @return the draft
	 */
	public static Message draft(String subject, Recipient sender, List<Recipient> recipients, String body) {
		return new Message(subject, sender, recipients, body, null, null, false);
	}
}

package org.mapihost.providers.store.maildir;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a store shows of a message: its main headers, decoded, and its plain text. Immutable.
 *
 * @param subject   the Subject, or empty
 * @param from      the From mailboxes
 * @param to        the To mailboxes (groups flattened)
 * @param cc        the Cc mailboxes (groups flattened)
 * @param date      the Date, when present and valid
 * @param messageId the Message-ID with its angle brackets, when present
 * @param body      the first text/plain part, line ends as {@code \n}; empty when there is none
 * @param received  the date of the topmost Received header, when present and valid: when the
 *                  message reached this mailbox
 */
public record MessageContent(String subject, List<MailAddress> from, List<MailAddress> to, List<MailAddress> cc,
		Optional<Instant> date, Optional<String> messageId, String body,
		Optional<Instant> received) {
	public MessageContent {
		subject = subject == null ? "" : subject;
		from = List.copyOf(from);
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		body = body == null ? "" : body;
	}
}

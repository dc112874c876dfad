package org.mapihost.runtime.spooler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.Undeliverable;

/**
 * The report the spooler puts in the sender's Inbox for recipients no transport took: a plain
 * RFC 5322 text message. Its delivery ID is derived from the message's, so a report written
 * before a crash is not written twice after it.
 */
record NonDeliveryReport(String deliveryId, byte[] content) {
	static final String FROM = "Mail Delivery Subsystem <mailer-daemon@mapihost.invalid>";

	static NonDeliveryReport of(OutboundMessage message, List<Undeliverable> undeliverable) {
		String id = "ndr-" + digest(message.messageId());
		StringBuilder text = new StringBuilder();
		text.append("From: ").append(FROM).append("\r\n");
		text.append("To: undisclosed-recipients:;\r\n");
		text.append("Subject: Undeliverable: message ").append(ascii(message.messageId())).append("\r\n");
		text.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
		text.append("Message-ID: <").append(id).append("@mapihost.invalid>\r\n");
		text.append("MIME-Version: 1.0\r\n");
		text.append("Content-Type: text/plain; charset=UTF-8\r\n");
		text.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
		text.append("Your message <").append(ascii(message.messageId())).append("> could not be delivered to:\r\n\r\n");
		for (Undeliverable u : undeliverable) {
			text.append("  ").append(u.recipient().displayName()).append(" <").append(u.recipient().searchKey()).append(">: ")
					.append(u.reason() == null ? "refused" : u.reason().replaceAll("[\\r\\n]+", " ")).append("\r\n");
		}
		return new NonDeliveryReport(id, text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String ascii(String text) {
		return text.replaceAll("[^\\x21-\\x7E]", "_");
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}

package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.Fields;
import org.apache.james.mime4j.field.UnstructuredFieldImpl;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;

/**
 * Writes a simple text message with Apache James mime4j: From, To, Cc, Subject, Date,
 * Message-ID, MIME-Version and a {@code text/plain; charset=UTF-8} body in quoted-printable,
 * with Unix line ends as Maildir files have them. Subject and body read back exactly as given,
 * the body's line ends as {@code \n} ({@link LineEnds#toLf}). Where mime4j's encoders alone
 * would lose that, the builder chooses another encoding: base64 for a body with a lone
 * {@code \r} or blanks at its very end, which quoted-printable cannot carry, and encoded words
 * for a subject with text that looks like an encoded word ({@code =?...?=}), which a reader
 * would otherwise decode. Not thread-safe: one builder per message.
 */
public final class TextMessageBuilder implements MessageSource {
	private static final String QUOTED_PRINTABLE = "quoted-printable";
	private static final String BASE64 = "base64";
	private static final String SUBJECT = "Subject";
	private static final Pattern NOT_FOR_QUOTED_PRINTABLE = Pattern.compile("\r(?!\n)|[ \t]\\z");

	private final List<MailAddress> from = new ArrayList<>();
	private final List<MailAddress> to = new ArrayList<>();
	private final List<MailAddress> cc = new ArrayList<>();
	private String subject = "";
	private Instant date;
	private String messageId;
	private String body = "";
	private boolean draft;
	private Instant received;

	public TextMessageBuilder from(MailAddress sender) {
		from.add(sender);
		return this;
	}

	public TextMessageBuilder to(MailAddress... recipients) {
		to.addAll(List.of(recipients));
		return this;
	}

	public TextMessageBuilder cc(MailAddress... recipients) {
		cc.addAll(List.of(recipients));
		return this;
	}

	/**
	 * @param text the Subject; no Subject header when empty
	 */
	public TextMessageBuilder subject(String text) {
		subject = text == null ? "" : text;
		return this;
	}

	/**
	 * @param sent the Date header; now when not set
	 */
	public TextMessageBuilder date(Instant sent) {
		date = sent;
		return this;
	}

	/**
	 * @param id the Message-ID with its angle brackets; a new unique one when not set
	 */
	public TextMessageBuilder messageId(String id) {
		messageId = id;
		return this;
	}

	/**
	 * @param text the body; line ends {@code \n} or {@code \r\n}
	 */
	public TextMessageBuilder body(String text) {
		body = text == null ? "" : text;
		return this;
	}

	/**
	 * @param isDraft {@code true} for a draft, which may lack a From address
	 */
	public TextMessageBuilder draft(boolean isDraft) {
		draft = isDraft;
		return this;
	}

	/**
	 * @param time the time of a {@link ReceivedHeader} put first, as a delivery adds it; none when null
	 */
	public TextMessageBuilder received(Instant time) {
		received = time;
		return this;
	}

	/**
	 * @throws IllegalStateException when there is no sender and it is not a draft
	 * @throws IllegalArgumentException when an address is not a valid RFC 5322 address
	 */
	@Override
	public void writeTo(OutputStream out) throws IOException {
		if (from.isEmpty() && !draft) {
			throw new IllegalStateException("a message needs a From address");
		}
		Message.Builder message = Message.Builder.of()
				.setField(Fields.version("1.0"))
				.setDate(Date.from(date == null ? Instant.now() : date), TimeZone.getTimeZone("UTC"));
		if (!from.isEmpty()) {
			message.setFrom(mailboxes(from));
		}
		if (subject.contains("=?")) {
			message.setField(UnstructuredFieldImpl.PARSER.parse(new RawField(SUBJECT,
					EncoderUtil.encodeEncodedWord(subject, EncoderUtil.Usage.TEXT_TOKEN, SUBJECT.length() + 2)), DecodeMonitor.SILENT));
		} else if (!subject.isEmpty()) {
			message.setSubject(subject);
		}
		if (!to.isEmpty()) {
			message.setTo(mailboxes(to));
		}
		if (!cc.isEmpty()) {
			message.setCc(mailboxes(cc));
		}
		String text = LineEnds.toLf(body).replace("\n", "\r\n");
		message.setMessageId(messageId == null ? "<" + UniqueNames.next().name() + "@mapihost>" : messageId)
				.setBody(text, StandardCharsets.UTF_8)
				.setContentType("text/plain", new NameValuePair("charset", "UTF-8"))
				.setContentTransferEncoding(NOT_FOR_QUOTED_PRINTABLE.matcher(text).find() ? BASE64 : QUOTED_PRINTABLE);
		Message built = message.build();
		if (received != null) {
			out.write(ReceivedHeader.line(received));
		}
		try {
			CrlfToLfOutputStream unix = new CrlfToLfOutputStream(out);
			new DefaultMessageWriter().writeMessage(built, unix);
			unix.finish();
		} finally {
			built.dispose();
		}
	}

	private static List<Mailbox> mailboxes(List<MailAddress> addresses) {
		return addresses.stream().map(TextMessageBuilder::mailbox).toList();
	}

	private static Mailbox mailbox(MailAddress address) {
		try {
			Mailbox parsed = DefaultAddressParser.DEFAULT.parseMailbox(address.address());
			return new Mailbox(address.name().isEmpty() ? null : address.name(), parsed.getLocalPart(), parsed.getDomain());
		} catch (ParseException e) {
			throw new IllegalArgumentException("not a mail address: " + Printable.quote(address.address()), e);
		}
	}
}

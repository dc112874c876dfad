package org.mapihost.providers.store.maildir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/**
 * The {@code Received} trace header (RFC 5321 §4.4, RFC 5322 §3.6.7) this store puts first in
 * a message it delivers, as any final delivery agent does; its date is the message's delivery
 * time. Stateless.
 */
public final class ReceivedHeader {
	static final String NAME = "Received";

	private static final DateTimeFormatter RFC_5322_DATE = DateTimeFormatter
			.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT).withZone(ZoneOffset.UTC);

	private ReceivedHeader() {
	}

	/**
	 * @return {@code Received: by mapihost (Maildir store); <date>} and a Unix line end
	 */
	public static byte[] line(Instant time) {
		return (NAME + ": by mapihost (Maildir store); " + RFC_5322_DATE.format(time) + "\n")
				.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * @param content an RFC 5322 message as it came, CRLF or LF line ends
	 * @return a source that writes this header, then the message with LF line ends
	 */
	public static MessageSource prepend(Instant time, byte[] content) {
		return out -> {
			out.write(line(time));
			CrlfToLfOutputStream unix = new CrlfToLfOutputStream(out);
			unix.write(content);
			unix.finish();
		};
	}

	/**
	 * @return the date after the last {@code ;} of the header, when there is a valid one
	 */
	static Optional<Instant> date(Field received) {
		if (received == null || received.getBody() == null) {
			return Optional.empty();
		}
		String body = received.getBody();
		int semicolon = body.lastIndexOf(';');
		if (semicolon < 0) {
			return Optional.empty();
		}
		DateTimeField date = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", body.substring(semicolon + 1).trim()),
				DecodeMonitor.SILENT);
		return Optional.ofNullable(date.getDate()).map(Date::toInstant);
	}
}

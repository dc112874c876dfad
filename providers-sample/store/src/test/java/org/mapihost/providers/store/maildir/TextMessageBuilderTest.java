package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextMessageBuilderTest {
	private static final Instant SENT = Instant.parse("2024-03-01T08:30:15Z");
	private static final String BODY = "Hallo Bob,\n\nschöne Grüße – und eine sehr lange Zeile, "
			+ "die länger ist als die sechsundsiebzig Zeichen, die quoted-printable pro Zeile erlaubt.\n"
			+ "=3D is not an escape here, and a line with trailing blanks   \n-- \nAlice\n";

	@TempDir
	Path temp;

	private TextMessageBuilder message() {
		return new TextMessageBuilder()
				.from(new MailAddress("Alice Ämsig", "alice@example.org"))
				.to(new MailAddress("Bob", "bob@example.org"), MailAddress.of("carol@example.net"))
				.cc(new MailAddress("Dave, the \"boss\"", "dave@example.com"))
				.subject("Grüße aus Köln: Quartalszahlen")
				.date(SENT)
				.messageId("<20240301083015.1234@example.org>")
				.body(BODY);
	}

	@Test
	void aBuiltMessageParsesBackWithTheSameHeadersAndBody() throws IOException {
		MessageContent parsed = MessageParser.parse(new ByteArrayInputStream(bytes(message())));

		assertEquals("Grüße aus Köln: Quartalszahlen", parsed.subject());
		assertEquals(List.of(new MailAddress("Alice Ämsig", "alice@example.org")), parsed.from());
		assertEquals(List.of(new MailAddress("Bob", "bob@example.org"), MailAddress.of("carol@example.net")), parsed.to());
		assertEquals(List.of(new MailAddress("Dave, the \"boss\"", "dave@example.com")), parsed.cc());
		assertEquals(Optional.of(SENT), parsed.date());
		assertEquals(Optional.of("<20240301083015.1234@example.org>"), parsed.messageId());
		assertEquals(BODY, parsed.body());
	}

	@Test
	void theFileIsAsciiWithUnixLineEndsAndTheMimeHeaders() throws IOException {
		String raw = new String(bytes(message()), StandardCharsets.ISO_8859_1);

		assertTrue(raw.chars().allMatch(c -> c < 128), raw);
		assertFalse(raw.contains("\r"), "Maildir files have LF line ends");
		String header = raw.substring(0, raw.indexOf("\n\n") + 1);
		for (String expected : List.of("MIME-Version: 1.0\n", "Content-Type: text/plain; charset=UTF-8\n",
				"Content-Transfer-Encoding: quoted-printable\n", "Message-ID: <20240301083015.1234@example.org>\n",
				"Date: Fri, 1 Mar 2024 08:30:15 +0000\n", "From: ", "To: ", "Cc: ", "Subject: =?")) {
			assertTrue(header.contains(expected), "header lacks " + expected.strip() + ":\n" + header);
		}
		assertTrue(raw.lines().allMatch(line -> line.length() <= 78), "lines fit RFC 5322's 78:\n" + raw);
	}

	@Test
	void withoutDateAndMessageIdTheBuilderMakesThem() throws IOException {
		Instant before = Instant.now().minusSeconds(1);
		MessageContent parsed = MessageParser.parse(new ByteArrayInputStream(bytes(
				new TextMessageBuilder().from(MailAddress.of("a@example.org")).body("x"))));

		assertTrue(parsed.date().orElseThrow().isAfter(before));
		assertTrue(parsed.messageId().orElseThrow().matches("<[^<>@\\s]+@mapihost>"), parsed.messageId().get());
		assertEquals("", parsed.subject());
		assertEquals(List.of(), parsed.to());
	}

	@Test
	void badInputIsRefused() {
		assertThrows(IllegalStateException.class, () -> bytes(new TextMessageBuilder().body("no sender")));
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
				() -> bytes(new TextMessageBuilder().from(MailAddress.of("not an <address"))));
		assertTrue(bad.getMessage().contains("not an <address"), bad.getMessage());
	}

	@Test
	void aBuiltMessageDeliveredToTheStoreReadsBack() throws IOException {
		MaildirFolder outbox = Maildir.open(temp.resolve("mail")).folder(FolderName.OUTBOX);

		MessageId id = outbox.deliver(message());

		MessageContent read = outbox.read(id);
		assertEquals("Grüße aus Köln: Quartalszahlen", read.subject());
		assertEquals(BODY, read.body());
	}

	private static byte[] bytes(TextMessageBuilder builder) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		builder.writeTo(out);
		return out.toByteArray();
	}
}

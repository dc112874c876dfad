package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The store's message reading on any bytes. The first byte chooses: {@code 'w'} writes a
 * message whose subject and body are the rest (UTF-8, split at the first NUL) and reads it back,
 * which must give the same subject and body; anything else reads the rest as a message file,
 * which gives its content or an {@link IOException}, nothing else.
 */
class MessageFuzzTest {
	private static final Instant SENT = Instant.parse("2024-03-01T08:30:15Z");

	@FuzzTest
	void messagesReadOrFailWithAnIOException(byte[] input) throws IOException {
		if (input.length == 0) {
			return;
		}
		byte[] rest = Arrays.copyOfRange(input, 1, input.length);
		if (input[0] == 'w') {
			writtenAndReadBack(new String(rest, StandardCharsets.UTF_8));
		} else {
			read(rest);
		}
	}

	private static void read(byte[] file) {
		MessageContent content;
		try {
			content = MessageParser.parse(new ByteArrayInputStream(file));
		} catch (IOException e) {
			assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a failure says why: " + e);
			return;
		}
		assertFalse(content.body().contains("\r\n"), "line ends are \\n");
		assertEquals(LineEnds.toLf(content.body()), content.body());
	}

	private static void writtenAndReadBack(String text) throws IOException {
		int nul = text.indexOf('\0');
		String subject = nul < 0 ? text : text.substring(0, nul);
		String body = nul < 0 ? "" : text.substring(nul + 1);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		new TextMessageBuilder().from(MailAddress.of("alice@example.org")).to(MailAddress.of("bob@example.org"))
				.subject(subject).body(body).date(SENT).writeTo(file);
		MessageContent content = MessageParser.parse(new ByteArrayInputStream(file.toByteArray()));
		assertEquals(subject, content.subject(), "the subject written");
		assertEquals(LineEnds.toLf(body), content.body(), "the body written, line ends as \\n");
	}
}

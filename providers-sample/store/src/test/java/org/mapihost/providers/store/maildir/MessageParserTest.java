package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageParserTest {
	@Test
	void deeplyNestedMultipartsAreReadWithoutRunningOutOfStack() throws IOException {
		int depth = 20_000;
		StringBuilder message = new StringBuilder("From: a@example.org\n");
		for (int i = 0; i < depth; i++) {
			message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
		}
		message.append("Content-Type: text/plain\n\ndeep down\n");
		MessageContent content = MessageParser.parse(new ByteArrayInputStream(message.toString().getBytes(StandardCharsets.US_ASCII)));
		assertEquals("", content.body(), "more than " + MessageParser.MAX_MULTIPARTS + " multiparts: read flat");
		assertEquals(List.of(MailAddress.of("a@example.org")), content.from());
	}

	@Test
	void textIsLookedForInTheFirstLevelsOnly() throws IOException {
		assertEquals("deep down", nested(MessageParser.MAX_DEPTH).body());
		assertEquals("", nested(MessageParser.MAX_DEPTH + 1).body());
	}

	private static MessageContent nested(int depth) throws IOException {
		StringBuilder message = new StringBuilder("From: a@example.org\n");
		for (int i = 0; i < depth; i++) {
			message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
		}
		message.append("Content-Type: text/plain\n\ndeep down\n");
		for (int i = depth - 1; i >= 0; i--) {
			message.append("--b").append(i).append("--\n");
		}
		return MessageParser.parse(new ByteArrayInputStream(message.toString().getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void aMessageLargerThanTheLimitIsRefusedWithItsSize() {
		byte[] huge = new byte[MessageParser.MAX_BYTES + 1];
		IOException e = assertThrows(IOException.class, () -> MessageParser.parse(new ByteArrayInputStream(huge)));
		assertTrue(e.getMessage().contains("more than " + MessageParser.MAX_BYTES + " bytes"), e.getMessage());
	}
}

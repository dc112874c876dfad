package org.mapihost.providers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.Recipient;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.providers.testkit.RecordingSupport;

/**
 * What another Maildir reader sees: the store's files parsed with mime4j directly, not through
 * the store.
 */
class MaildirFormatTest {
	@TempDir
	Path temp;

	@Test
	void deliveredAndSentMessagesAreOrdinaryMaildirFiles() throws IOException {
		Path root = temp.resolve("mail");
		MaildirStoreProvider provider = new MaildirStoreProvider();
		provider.log = new RecordingLogger().logger;
		MessageStore store = provider.logon(new RecordingSupport(Map.of("root", root.toString(), "identityName", "Alice",
				"identityAddress", "SMTP:alice@example.org")), "p", 0).store();
		store.deliver("in-1", ("From: Bob <bob@example.org>\r\nTo: alice@example.org\r\nSubject: hello\r\n"
				+ "Message-ID: <1@example.org>\r\n\r\nhi Alice\r\n").getBytes(StandardCharsets.US_ASCII));
		var queued = store.submitMessage(store.saveMessage(store.folder("Inbox"),
				org.mapihost.api.Message.draft("re: hello", null, List.of(Recipient.parse("SMTP:bob@example.org")), "hi Bob\n")));
		store.finishedMessage(queued);
		store.release();

		Path delivered = only(root.resolve("new"));
		String text = Files.readString(delivered, StandardCharsets.US_ASCII);
		assertTrue(text.startsWith("Received: by mapihost (Maildir store); "), text);
		assertFalse(text.contains("\r"), "Maildir files have Unix line ends");
		Message parsed = parse(delivered);
		assertEquals("hello", parsed.getSubject());
		assertEquals("bob@example.org", parsed.getFrom().get(0).getAddress());

		Path sent = only(root.resolve(".Sent Items").resolve("cur"));
		assertTrue(sent.getFileName().toString().endsWith(":2,S"), sent::toString);
		Message reply = parse(sent);
		assertEquals("re: hello", reply.getSubject());
		assertEquals("Alice", reply.getFrom().get(0).getName());
		assertEquals("alice@example.org", reply.getFrom().get(0).getAddress());
		assertEquals("bob@example.org", reply.getTo().flatten().get(0).getAddress());
		assertTrue(reply.getMessageId().matches("<.+@mapihost>"), reply.getMessageId());
		assertEquals("hi Bob\r\n", new String(((TextBody) reply.getBody()).getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.replace("=\r\n", ""));
		assertEquals(List.of(), files(root.resolve("tmp")));
	}

	private static Message parse(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new DefaultMessageBuilder().parseMessage(in);
		}
	}

	private static Path only(Path directory) throws IOException {
		List<Path> files = files(directory);
		assertEquals(1, files.size(), files::toString);
		return files.get(0);
	}

	private static List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}
}

package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.store.maildir.MaildirTest.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

class MaildirFolderTest {
	private static final String FOREIGN_ID = "1700000000.M12345P678Q9.mutt-host,S=321";
	private static final String FOREIGN_MESSAGE = """
			Return-Path: <carol@example.net>
			From: Carol Example <carol@example.net>
			To: alice@example.org, "Bob B." <bob@example.org>
			Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= from mutt
			Date: Tue, 14 Nov 2023 22:13:20 +0000
			Message-ID: <20231114221320.GA1234@example.net>
			MIME-Version: 1.0
			Content-Type: text/plain; charset=iso-8859-1
			Content-Transfer-Encoding: 8bit

			Hallo,
			sch\u00f6n.
			""";

	@TempDir
	Path temp;

	private Maildir maildir;
	private MaildirFolder inbox;

	@BeforeEach
	void open() throws IOException {
		maildir = Maildir.open(temp.resolve("mail"));
		inbox = maildir.folder(FolderName.INBOX);
	}

	@Test
	void aDeliveredMessageIsNewAndUnread() throws IOException {
		MessageId id = inbox.deliver(MessageSource.of(simpleMessage()));

		StoredMessage message = inbox.get(id);
		assertTrue(message.isNew());
		assertFalse(message.seen());
		assertEquals("", message.flags());
		assertEquals(List.of(message), inbox.list());
		assertEquals("Hello", inbox.read(id).subject());
	}

	@Test
	void settingTheReadFlagMovesTheMessageToCurWithTheInfoSuffix() throws IOException {
		MessageId id = inbox.deliver(MessageSource.of(simpleMessage()));

		StoredMessage read = inbox.setSeen(id, true);

		assertTrue(read.seen());
		assertFalse(read.isNew());
		assertEquals(List.of(id.name() + ":2,S"), names(inbox.directory().resolve("cur")));
		assertEquals(List.of(), names(inbox.directory().resolve("new")));
		assertEquals("Hello", inbox.read(id).subject(), "the message is still found by its ID");

		StoredMessage unread = inbox.setSeen(id, false);
		assertFalse(unread.seen());
		assertEquals(List.of(id.name() + ":2,"), names(inbox.directory().resolve("cur")));
	}

	@Test
	void theReadFlagKeepsOtherFlagsInAsciiOrder() throws IOException {
		Path file = inbox.directory().resolve("cur").resolve(FOREIGN_ID + ":2,FR");
		Files.writeString(file, FOREIGN_MESSAGE, StandardCharsets.ISO_8859_1);

		inbox.setSeen(MessageId.of(FOREIGN_ID), true);

		assertEquals(List.of(FOREIGN_ID + ":2,FRS"), names(inbox.directory().resolve("cur")));
	}

	@Test
	void movingAMessageKeepsItsNameAndFlagsAndLeavesOneCopy() throws IOException {
		MessageId id = inbox.deliver(MessageSource.of(simpleMessage()));
		inbox.setSeen(id, true);
		MaildirFolder deleted = maildir.folder(FolderName.DELETED_ITEMS);

		StoredMessage moved = inbox.moveTo(id, deleted);

		assertEquals(FolderName.DELETED_ITEMS, moved.folder());
		assertTrue(moved.seen());
		assertEquals(List.of(id.name() + ":2,S"), names(deleted.directory().resolve("cur")));
		assertEquals(List.of(), inbox.list());
		assertEquals(Optional.empty(), inbox.find(id));
		MapiException gone = assertThrows(MapiException.class, () -> inbox.read(id));
		assertEquals(ResultCode.MAPI_E_NOT_FOUND, gone.code());
	}

	@Test
	void deletingAMessageRemovesItsFile() throws IOException {
		MessageId kept = inbox.deliver(MessageSource.of(simpleMessage()));
		MessageId deleted = inbox.deliver(MessageSource.of(simpleMessage()));

		inbox.delete(deleted);

		assertEquals(List.of(kept), inbox.list().stream().map(StoredMessage::id).toList());
		assertEquals(ResultCode.MAPI_E_NOT_FOUND, assertThrows(MapiException.class, () -> inbox.delete(deleted)).code());
	}

	@Test
	void aMessageAnotherToolPutInCurIsListedAndRead() throws IOException {
		Files.writeString(inbox.directory().resolve("cur").resolve(FOREIGN_ID + ":2,S"), FOREIGN_MESSAGE,
				StandardCharsets.ISO_8859_1);
		Files.writeString(inbox.directory().resolve("cur").resolve(".hidden-by-another-tool"), "x");

		List<StoredMessage> messages = inbox.list();

		assertEquals(1, messages.size());
		StoredMessage message = messages.get(0);
		assertEquals(MessageId.of(FOREIGN_ID), message.id());
		assertTrue(message.seen());
		MessageContent content = inbox.read(message.id());
		assertEquals("Grüße from mutt", content.subject());
		assertEquals(List.of(new MailAddress("Carol Example", "carol@example.net")), content.from());
		assertEquals(List.of(MailAddress.of("alice@example.org"), new MailAddress("Bob B.", "bob@example.org")),
				content.to());
		assertEquals(List.of(), content.cc());
		assertEquals(Optional.of(Instant.parse("2023-11-14T22:13:20Z")), content.date());
		assertEquals(Optional.of("<20231114221320.GA1234@example.net>"), content.messageId());
		assertEquals("Hallo,\nschön.\n", content.body());
	}

	@Test
	void symbolicLinksInCurAreNotMessages() throws IOException {
		Path outside = Files.writeString(temp.resolve("secret"), "From: x@y\n\nsecret\n");
		Path link = inbox.directory().resolve("cur").resolve("1700000000.M1P1Q1.evil:2,");
		try {
			Files.createSymbolicLink(link, outside);
		} catch (UnsupportedOperationException | IOException e) {
			throw new org.opentest4j.TestAbortedException("this file system has no symbolic links: " + e);
		}

		assertEquals(List.of(), inbox.list());
		assertEquals(ResultCode.MAPI_E_NOT_FOUND,
				assertThrows(MapiException.class, () -> inbox.read(MessageId.of("1700000000.M1P1Q1.evil"))).code());
	}

	private static byte[] simpleMessage() {
		return "From: a@example.org\nTo: b@example.org\nSubject: Hello\n\nHi.\n".getBytes(StandardCharsets.US_ASCII);
	}
}

package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder index must never hide a message another Maildir client renamed, made or deleted. */
class FolderIndexTest {
	private static final byte[] MESSAGE = "Subject: hi\n\nhello\n".getBytes(StandardCharsets.US_ASCII);

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
	void aMessageAnotherClientMarkedSeenIsFoundUnderItsNewName() throws IOException {
		MessageId id = inbox.deliver(MessageSource.of(MESSAGE));
		assertTrue(inbox.find(id).isPresent());

		Path flagged = inbox.directory().resolve("cur").resolve(id.name() + ":2,FS");
		Files.move(inbox.directory().resolve("new").resolve(id.name()), flagged);

		assertEquals(flagged, inbox.get(id).file());
		assertEquals("FS", maildir.folder(FolderName.INBOX).get(id).flags());
	}

	@Test
	void aFlaggedMessageAnotherClientWroteAfterTheIndexWasBuiltIsFound() throws IOException {
		MessageId known = inbox.deliver(MessageSource.of(MESSAGE));
		// cur/ last changed long ago, so the write below changes its time even where timestamps are coarse
		Files.setLastModifiedTime(inbox.directory().resolve("cur"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		assertTrue(inbox.find(known).isPresent());
		MessageId foreign = MessageId.of("1700000000.M1P2.other-host");

		Files.write(inbox.directory().resolve("cur").resolve(foreign.name() + ":2,S"), MESSAGE);

		assertTrue(inbox.find(foreign).isPresent());
		assertThrows(FileAlreadyExistsException.class, () -> inbox.write(foreign, null, Instant.now(), MessageSource.of(MESSAGE)));
		assertEquals(2, inbox.list().size());
	}

	@Test
	void aMessageAnotherClientDeletedIsGone() throws IOException {
		MessageId id = inbox.write(null, "S", Instant.now(), MessageSource.of(MESSAGE)).id();
		Path file = inbox.get(id).file();

		Files.delete(file);

		assertFalse(inbox.find(id).isPresent());
		inbox.write(id, "S", Instant.now(), MessageSource.of(MESSAGE));
		assertEquals(List.of(id), inbox.list().stream().map(StoredMessage::id).toList());
	}

	@Test
	void ownChangesKeepTheIndexCurrentAcrossFolders() throws IOException {
		MaildirFolder sent = maildir.folder(FolderName.SENT_ITEMS);
		MessageId id = inbox.write(null, "S", Instant.now(), MessageSource.of(MESSAGE)).id();
		assertTrue(sent.find(id).isEmpty());

		inbox.moveTo(id, sent);

		assertTrue(inbox.find(id).isEmpty());
		assertEquals(sent.directory().resolve("cur").resolve(id.name() + ":2,S"), sent.get(id).file());
		assertFalse(maildir.folder(FolderName.SENT_ITEMS).setSeen(id, false).seen());
		sent.delete(id);
		assertTrue(sent.find(id).isEmpty());
		assertTrue(sent.list().isEmpty());
	}

	@Test
	void aFolderDeletedAndMadeAgainStartsEmpty() throws IOException {
		FolderName name = FolderName.of("Projects");
		MaildirFolder projects = maildir.createFolder(name);
		MessageId id = projects.deliver(MessageSource.of(MESSAGE));
		assertTrue(projects.find(id).isPresent());

		maildir.deleteFolder(name);

		assertTrue(maildir.createFolder(name).find(id).isEmpty());
	}
}

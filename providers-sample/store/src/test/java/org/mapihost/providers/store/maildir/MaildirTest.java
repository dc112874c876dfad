package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

class MaildirTest {
	private static final byte[] MESSAGE = "From: a@example.org\nSubject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path temp;

	private Path root;
	private Maildir maildir;

	@BeforeEach
	void open() throws IOException {
		root = temp.resolve("mail");
		maildir = Maildir.open(root);
	}

	@Test
	void openMakesInboxAtTheRootAndTheStandardFoldersAsMaildirPlusPlusDirectories() throws IOException {
		for (String directory : List.of("", ".Outbox", ".Sent Items", ".Deleted Items")) {
			for (String sub : List.of("cur", "new", "tmp")) {
				assertTrue(Files.isDirectory(root.resolve(directory).resolve(sub)), directory + "/" + sub);
			}
		}
		assertTrue(Files.isRegularFile(root.resolve(".Outbox/maildirfolder")));
		assertFalse(Files.exists(root.resolve("maildirfolder")), "the Inbox is a plain Maildir");
		assertEquals(Set.copyOf(FolderName.STANDARD), Set.copyOf(maildir.folders()));
		assertEquals(FolderName.INBOX, maildir.folders().get(0));
	}

	@Test
	void deliveryLeavesExactlyOneFileInNewAndNothingInTmp() throws IOException {
		MessageId id = maildir.folder(FolderName.INBOX).deliver(MessageSource.of(MESSAGE));

		assertEquals(List.of(id.name()), names(root.resolve("new")));
		assertEquals(List.of(), names(root.resolve("tmp")));
		assertEquals(List.of(), names(root.resolve("cur")));
		assertEquals(new String(MESSAGE, StandardCharsets.US_ASCII),
				Files.readString(root.resolve("new").resolve(id.name())));
	}

	@Test
	void aFailingWriterLeavesNothingBehind() throws IOException {
		MaildirFolder inbox = maildir.folder(FolderName.INBOX);
		IOException failure = assertThrows(IOException.class, () -> inbox.deliver(out -> {
			out.write(MESSAGE, 0, 10);
			throw new IOException("disk full");
		}));

		assertEquals("disk full", failure.getMessage());
		assertEquals(List.of(), names(root.resolve("tmp")));
		assertEquals(List.of(), names(root.resolve("new")));
	}

	@Test
	void aCrashBetweenWriteAndRenameLeavesOnlyATmpFileThatRecoverRemoves() throws IOException {
		MaildirFolder outbox = maildir.folder(FolderName.OUTBOX);
		Path written = Delivery.writeToTmp(outbox.directory(), MessageSource.of(MESSAGE));
		// the process dies here; a moment later the store is opened again

		assertEquals(List.of(written.getFileName().toString()), names(outbox.directory().resolve("tmp")));
		assertEquals(List.of(), outbox.list(), "a half-delivered message is not visible");

		Maildir reopened = Maildir.open(root);
		assertEquals(0, reopened.recover(), "a young tmp file may still be being written by someone else");
		Files.setLastModifiedTime(written, FileTime.from(Instant.now().minus(Maildir.STALE_TMP_AGE).minusSeconds(60)));
		assertEquals(1, reopened.recover());

		assertEquals(List.of(), names(outbox.directory().resolve("tmp")));
		assertEquals(List.of(), reopened.folder(FolderName.OUTBOX).list());
	}

	@Test
	void recoverNeverTouchesCurOrNewHoweverOld() throws IOException {
		MaildirFolder inbox = maildir.folder(FolderName.INBOX);
		MessageId fresh = inbox.deliver(MessageSource.of(MESSAGE));
		MessageId read = inbox.setSeen(inbox.deliver(MessageSource.of(MESSAGE)), true).id();
		FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
		for (StoredMessage message : inbox.list()) {
			Files.setLastModifiedTime(message.file(), longAgo);
		}

		assertEquals(0, maildir.recover(Duration.ZERO));

		assertEquals(Set.of(fresh, read), Set.copyOf(inbox.list().stream().map(StoredMessage::id).toList()));
	}

	@Test
	void createAndDeleteAFolder() throws IOException {
		FolderName projects = FolderName.of("Projects");
		MaildirFolder folder = maildir.createFolder(projects);
		folder.deliver(MessageSource.of(MESSAGE));
		assertTrue(maildir.folders().contains(projects));
		assertTrue(Files.isRegularFile(root.resolve(".Projects/maildirfolder")));

		maildir.deleteFolder(projects);

		assertFalse(maildir.folders().contains(projects));
		assertFalse(Files.exists(root.resolve(".Projects")));
		assertEquals(List.of(), names(root).stream().filter(name -> name.startsWith("..")).toList());
		MapiException missing = assertThrows(MapiException.class, () -> maildir.folder(projects));
		assertEquals(ResultCode.MAPI_E_NOT_FOUND, missing.code());
	}

	@Test
	void standardFoldersCannotBeDeleted() {
		for (FolderName standard : FolderName.STANDARD) {
			MapiException refused = assertThrows(MapiException.class, () -> maildir.deleteFolder(standard));
			assertEquals(ResultCode.MAPI_E_NO_ACCESS, refused.code());
		}
		assertTrue(Files.isDirectory(root.resolve(".Sent Items/cur")));
	}

	@Test
	void recoverFinishesAFolderDeletionACrashCutShort() throws IOException {
		maildir.createFolder(FolderName.of("Old")).deliver(MessageSource.of(MESSAGE));
		Path trash = root.resolve(Maildir.DELETED_PREFIX + "123");
		Files.move(root.resolve(".Old"), trash);

		assertFalse(maildir.folders().contains(FolderName.of("Old")));
		assertEquals(1, maildir.recover());
		assertFalse(Files.exists(trash));
	}

	@Test
	void foldersOfOtherToolsThatThisStoreCannotNameAreLeftAlone() throws IOException {
		Files.createDirectories(root.resolve(".Archive.2023/cur"));
		Files.createDirectories(root.resolve(".Archive.2023/new"));
		Files.createDirectories(root.resolve(".Archive.2023/tmp"));
		Files.createDirectories(root.resolve(".NotAMaildir"));

		assertEquals(Set.copyOf(FolderName.STANDARD), Set.copyOf(maildir.folders()));
		assertEquals(0, maildir.recover(Duration.ZERO));
		assertTrue(Files.isDirectory(root.resolve(".Archive.2023/cur")));
	}

	@Test
	void writtenFilesAndDirectoriesAreOnlyTheOwners() throws IOException {
		MessageId id = maildir.folder(FolderName.SENT_ITEMS).deliver(MessageSource.of(MESSAGE));
		assumeTrue(DurableFiles.hasPosixPermissions(root),
				"permissions not checked: the file store of " + root + " has no POSIX attributes");
		Path message = root.resolve(".Sent Items/new").resolve(id.name());
		Set<PosixFilePermission> file = Files.getPosixFilePermissions(message);
		assertEquals("rw-------", PosixFilePermissions.toString(file),
				"a delivered message (checked because the file store has POSIX attributes)");
		for (Path directory : List.of(root, root.resolve("cur"), root.resolve(".Sent Items"),
				root.resolve(".Sent Items/tmp"))) {
			assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)),
					directory + " (checked because the file store has POSIX attributes)");
		}
		assertEquals("rw-------",
				PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".Outbox/maildirfolder"))),
				"the maildirfolder marker (checked because the file store has POSIX attributes)");
	}

	static List<String> names(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}
}

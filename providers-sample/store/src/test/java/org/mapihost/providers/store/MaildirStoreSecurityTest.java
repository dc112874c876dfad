package org.mapihost.providers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.MapiException;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.providers.testkit.RecordingSupport;

/**
 * What a store's client or a crafted entry ID can do to the file system: nothing outside the
 * store's root, and nothing anyone but the owner can read.
 */
class MaildirStoreSecurityTest {
	private static final Recipient BOB = Recipient.parse("PEER:bob");
	private static final String CANARY = "outside the store";

	/** Names a client might try; each is refused or becomes a folder directly in the root. */
	private static final List<String> CRAFTED_NAMES = List.of("..", ".", "../escape", "../../etc", "/tmp/absolute", "a/b", "a\\b",
			"a\0b", ".hidden", "..deleted-x", "x".repeat(61), "x".repeat(5000), "\u202Eevil\u202C", "\u2215slash", "\uFF0F",
			"\uFF0E\uFF0E", "\u2024\u2024", "e\u0301", "\u00e9", "Inbox", "INBOX", "inbox", " lead", "trail ", "a:b", "tab\tname",
			"line\nbreak", "\uD800", "\u2028", "sub.folder", "new", "cur", "tmp", "maildirfolder", "con", "*", "?", "<>|\"",
			"\u0000", "a\u200Bb", "\uFEFFbom", "\uDB80\uDC00");

	@TempDir
	Path temp;

	private Path root;
	private MessageStore store;

	@BeforeEach
	void logon() throws IOException {
		Files.writeString(temp.resolve("canary.txt"), CANARY);
		root = temp.resolve("mail");
		store = open();
	}

	@AfterEach
	void release() throws IOException {
		store.release();
		assertEquals(CANARY, Files.readString(temp.resolve("canary.txt")), "the file beside the store is untouched");
	}

	private MessageStore open() {
		MaildirStoreProvider provider = new MaildirStoreProvider();
		provider.log = new RecordingLogger().logger;
		return provider.logon(new RecordingSupport(Map.of("root", root.toString(), "identityName", "Alice",
				"identityAddress", "PEER:alice")), "test-profile", 0).store();
	}

	@Test
	void craftedFolderNamesAreRefusedOrStayDirectlyInTheRoot() throws IOException {
		List<String> created = new ArrayList<>();
		for (String name : CRAFTED_NAMES) {
			try {
				EntryId folder = store.createFolder(name);
				created.add(name);
				assertEquals(folder, store.folder(name));
				store.saveMessage(folder, Message.draft("in " + name, null, List.of(BOB), "body"));
				assertEquals(1, store.contents(folder).size());
			} catch (MapiException e) {
				assertTrue(e.code() == ResultCode.MAPI_E_INVALID_PARAMETER || e.code() == ResultCode.MAPI_E_COLLISION,
						"'" + name + "': " + e);
			}
		}
		assertEquals(List.of("canary.txt", "mail"), list(temp), "nothing beside the root");
		for (Path entry : listPaths(root)) {
			String file = entry.getFileName().toString();
			assertTrue(Set.of("cur", "new", "tmp", "mapihost-store-uid").contains(file) || file.startsWith(".")
					&& Files.isRegularFile(entry.resolve("maildirfolder"), LinkOption.NOFOLLOW_LINKS), "in the root: " + file);
		}
		for (FolderRow folder : store.folders()) {
			if (created.contains(folder.name())) {
				store.deleteFolder(folder.entryId());
			}
		}
		assertEquals(List.of(".Deleted Items", ".Outbox", ".Sent Items"), list(root).stream().filter(f -> f.startsWith(".")).toList());
	}

	@Test
	void craftedEntryIdsAreRefusedByEveryCall() throws IOException {
		EntryId inbox = store.folder("Inbox");
		EntryId message = store.deliver("d1", "Subject: one\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
		List<EntryId> crafted = new ArrayList<>();
		for (String folder : List.of("..", "../..", "/etc", "a/../../b", ".", "Sent Items/../..", "a\0b")) {
			crafted.add(entry('F', folder, null));
			crafted.add(entry('M', folder, "x"));
		}
		for (String name : List.of("..", "../../../etc/passwd", "/etc/passwd", "a/b", "../new/x", "x\0y", ".x", "a b", "a:2,S")) {
			crafted.add(entry('M', "", name));
			crafted.add(entry('M', "Outbox", name));
		}
		List<Consumer<EntryId>> calls = List.of(id -> store.openEntry(id, 0), store::contents, store::readMessage,
				id -> store.setReadFlag(id, true), store::deleteMessage, id -> store.moveMessage(id, inbox),
				id -> store.moveMessage(message, id), store::deleteFolder, store::submitMessage, store::outgoingMessage,
				store::finishedMessage, id -> store.saveMessage(id, Message.draft("x", null, List.of(BOB), "")));
		Map<String, Object> before = snapshot();
		for (EntryId id : crafted) {
			for (Consumer<EntryId> call : calls) {
				MapiException e = assertThrows(MapiException.class, () -> call.accept(id), id.toString());
				assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code(), id + ": " + e);
			}
		}
		assertEquals(before, snapshot(), "nothing changed on disk");
	}

	@Test
	void symbolicLinksInTheMaildirAreNotFollowed() throws IOException {
		Path outside = Files.createDirectories(temp.resolve("elsewhere"));
		for (String sub : List.of("cur", "new", "tmp")) {
			Files.createDirectories(outside.resolve(sub));
		}
		Files.writeString(outside.resolve("cur/secret:2,S"), "Subject: secret\n\nfrom outside\n");
		Files.createSymbolicLink(root.resolve("cur/linked:2,S"), temp.resolve("canary.txt"));
		Files.createSymbolicLink(root.resolve(".Linked"), outside);
		Files.createFile(outside.resolve("maildirfolder"));

		assertEquals(List.of(), store.contents(store.folder("Inbox")), "a linked message file is not a message");
		assertFalse(store.folders().stream().anyMatch(f -> f.name().equals("Linked")), "a linked folder is not a folder");
		MapiException e = assertThrows(MapiException.class, () -> store.folder("Linked"));
		assertEquals(ResultCode.MAPI_E_NOT_FOUND, e.code());
		assertEquals(ResultCode.MAPI_E_COLLISION, assertThrows(MapiException.class, () -> store.createFolder("Linked")).code());
		assertTrue(Files.exists(outside.resolve("cur/secret:2,S")));
	}

	@Test
	void everythingTheStoreWritesIsForItsOwnerOnly() throws IOException {
		assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX permissions only");
		store.release();
		root = temp.resolve("new/parents/mail");
		store = open();
		EntryId work = store.createFolder("Work");
		EntryId draft = store.saveMessage(work, Message.draft("draft", null, List.of(BOB), "text"));
		EntryId queued = store.submitMessage(store.moveMessage(draft, store.folder("Outbox")));
		store.outgoingMessage(queued);
		store.finishedMessage(queued);
		EntryId delivered = store.deliver("peer-1", "Subject: hello\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
		store.setReadFlag(delivered, true);
		store.moveMessage(delivered, store.folder("Deleted Items"));
		EntryId temporary = store.createFolder("Temporary");
		store.saveMessage(temporary, Message.draft("gone", null, List.of(), ""));
		store.deleteFolder(temporary);
		store.release();
		store = open();
		assertEquals(1, store.contents(store.folder("Sent Items")).stream().map(MessageRow::entryId).count());

		Map<String, String> open = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(temp.resolve("new"))) {
			paths.forEach(path -> {
				try {
					Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
					if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
						open.put(temp.relativize(path).toString(), PosixFilePermissions.toString(permissions));
					}
				} catch (IOException e) {
					throw new AssertionError(path + ": " + e, e);
				}
			});
		}
		assertEquals(Map.of(), open, "files and directories others can read or enter");
		try (Stream<Path> paths = Files.walk(temp.resolve("new"))) {
			assertTrue(paths.count() > 20, "the walk saw the store");
		}
	}

	private EntryId entry(char kind, String folder, String message) {
		byte[] folderBytes = folder.getBytes(StandardCharsets.UTF_8);
		byte[] messageBytes = message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8);
		byte[] data = new byte[3 + folderBytes.length + (message == null ? 0 : 1 + messageBytes.length)];
		data[0] = 1;
		data[1] = (byte) kind;
		data[2] = (byte) folderBytes.length;
		System.arraycopy(folderBytes, 0, data, 3, folderBytes.length);
		if (message != null) {
			data[3 + folderBytes.length] = (byte) messageBytes.length;
			System.arraycopy(messageBytes, 0, data, 4 + folderBytes.length, messageBytes.length);
		}
		return EntryId.of(store.folder("Inbox").uid(), data);
	}

	/** Every path under the temporary directory with its size and modification time. */
	private Map<String, Object> snapshot() throws IOException {
		Map<String, Object> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(temp)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				files.put(temp.relativize(path).toString(), List.of(Files.size(path), Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)));
			}
		}
		return files;
	}

	private static List<String> list(Path directory) throws IOException {
		return listPaths(directory).stream().map(path -> path.getFileName().toString()).sorted().toList();
	}

	private static List<Path> listPaths(Path directory) throws IOException {
		try (Stream<Path> paths = Files.list(directory)) {
			return paths.toList();
		}
	}
}

package org.mapihost.providers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.Message;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.providers.store.maildir.StoreUidFile;
import org.mapihost.providers.testkit.RecordingSupport;

class MaildirStoreProviderTest {
	@TempDir
	Path temp;

	private final RecordingLogger log = new RecordingLogger();
	private final MaildirStoreProvider provider = new MaildirStoreProvider();

	private Map<String, String> settings() {
		Map<String, String> settings = new HashMap<>();
		settings.put("root", temp.resolve("mail").toString());
		settings.put("identityName", "Alice");
		settings.put("identityAddress", "PEER:alice");
		settings.put("displayName", "Alice's mail");
		return settings;
	}

	private StoreLogon logon(RecordingSupport support) {
		provider.log = log.logger;
		return provider.logon(support, "test-profile", 0);
	}

	@Test
	void logonCreatesTheMaildirAndRegistersAPersistentUidAndAStatusRow() {
		RecordingSupport support = new RecordingSupport(settings());
		StoreLogon logon = logon(support);

		assertEquals(List.of("OpenProfileSection", "SetProviderUID", "ModifyStatusRow"),
				support.calls.stream().filter(call -> !call.equals("NewUID")).toList());
		assertEquals(1, support.uids.size());
		assertEquals("Alice's mail", support.rows.get(0).string(StatusColumn.PR_DISPLAY_NAME));
		assertEquals(MaildirStoreProvider.DISPLAY, support.rows.get(0).string(StatusColumn.PR_PROVIDER_DISPLAY));
		assertEquals(StatusCode.STATUS_AVAILABLE.value(), support.rows.get(0).integer(StatusColumn.PR_STATUS_CODE));
		for (String directory : List.of("cur", "new", "tmp", ".Outbox/cur", ".Sent Items/new", ".Deleted Items/tmp")) {
			assertTrue(Files.isDirectory(temp.resolve("mail").resolve(directory)), directory);
		}
		logon.store().release();

		RecordingSupport again = new RecordingSupport(settings());
		logon(again).logoff(0);
		assertEquals(support.uids, again.uids, "the UID is kept in the store's root and survives a restart");
		assertEquals(0, again.count("NewUID"));
		assertTrue(Files.isRegularFile(temp.resolve("mail").resolve(StoreUidFile.FILE_NAME)));
	}

	@Test
	void entryIdsStayValidAcrossLogons() {
		StoreLogon first = logon(new RecordingSupport(settings()));
		MessageStore store = first.store();
		EntryId saved = store.saveMessage(store.folder("Inbox"), Message.draft("kept", null, List.of(), "body"));
		store.release();

		MessageStore reopened = logon(new RecordingSupport(settings())).store();
		assertEquals("kept", reopened.readMessage(saved).subject());
		reopened.release();
	}

	@Test
	void missingOrBadSettingsFailTheLogonNamingTheSetting() {
		for (String key : List.of("root", "identityName", "identityAddress")) {
			Map<String, String> settings = settings();
			settings.remove(key);
			RecordingSupport support = new RecordingSupport(settings);
			MapiException e = assertThrows(MapiException.class, () -> logon(support));
			assertEquals(ResultCode.MAPI_E_LOGON_FAILED, e.code());
			assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
			assertEquals(0, support.count("SetProviderUID"));
		}
		Map<String, String> settings = settings();
		settings.put("identityAddress", "alice");
		MapiException e = assertThrows(MapiException.class, () -> logon(new RecordingSupport(settings)));
		assertEquals(ResultCode.MAPI_E_LOGON_FAILED, e.code());
		assertTrue(e.getMessage().contains("identityAddress"), e.getMessage());
	}

	@Test
	void aRootThatIsAFileFailsTheLogon() throws IOException {
		Files.writeString(temp.resolve("mail"), "not a directory");
		RecordingSupport support = new RecordingSupport(settings());
		MapiException e = assertThrows(MapiException.class, () -> logon(support));
		assertEquals(ResultCode.MAPI_E_LOGON_FAILED, e.code());
		assertTrue(e.getMessage().contains("'root'"), e.getMessage());
	}

	@Test
	void aDamagedUidFileFailsTheLogonInsteadOfMakingANewUid() throws IOException {
		Files.createDirectories(temp.resolve("mail"));
		Files.writeString(temp.resolve("mail").resolve(StoreUidFile.FILE_NAME), "garbage\n");
		MapiException e = assertThrows(MapiException.class, () -> logon(new RecordingSupport(settings())));
		assertEquals(ResultCode.MAPI_E_LOGON_FAILED, e.code());
		assertEquals("garbage\n", Files.readString(temp.resolve("mail").resolve(StoreUidFile.FILE_NAME)));
	}

	@Test
	void storeFilesAreNotReadableByOthers() throws IOException {
		MessageStore store = logon(new RecordingSupport(settings())).store();
		store.saveMessage(store.folder("Outbox"), Message.draft("private", null, List.of(), "secret"));
		store.deliver("d1", "Subject: hi\r\n\r\nhello\r\n".getBytes());
		store.release();
		Path root = temp.resolve("mail");
		if (!Files.getFileStore(root).supportsFileAttributeView("posix")) {
			return;
		}
		Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
				PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
		try (Stream<Path> paths = Files.walk(root)) {
			List<Path> all = paths.toList();
			assertTrue(all.size() > 20, all::toString);
			for (Path path : all) {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
				assertFalse(permissions.stream().anyMatch(others::contains), path + " " + permissions);
			}
		}
	}

	@Test
	void releaseWithoutStoreLogoffCallsStoreLogoffTransportsWithAbortThenReleasesSupportLast() {
		RecordingSupport support = new RecordingSupport(settings());
		StoreLogon logon = logon(support);
		logon.store().openEntry(null, 0);
		logon.store().release();
		logon.logoff(0);
		logon.release();

		assertEquals(List.of(StoreLogoffFlag.LOGOFF_ABORT.value()), support.storeLogoffTransportsFlags);
		assertEquals("Release", support.lastCall());
		assertEquals(1, support.count("Release"));
		assertEquals(1, log.at("warn").size(), log.lines::toString);
		assertTrue(log.at("warn").get(0).contains("still open"), log.lines::toString);
	}

	@Test
	void aSubmittedDraftWithoutSenderGetsTheIdentity() {
		MessageStore store = logon(new RecordingSupport(settings())).store();
		EntryId draft = store.saveMessage(store.folder("Inbox"),
				Message.draft("hi", null, List.of(Recipient.parse("PEER:bob")), "text"));
		EntryId queued = store.submitMessage(draft);
		assertEquals(new Recipient("Alice", "PEER", "alice"), store.outgoingMessage(queued).sender());
		assertEquals(new Recipient("Alice", "PEER", "alice"), store.readMessage(queued).sender());
		store.release();
	}

	@Test
	void shutdownEndsTheProviderObject() {
		provider.shutdown(0);
		assertThrows(IllegalStateException.class, () -> logon(new RecordingSupport(settings())));
	}
}

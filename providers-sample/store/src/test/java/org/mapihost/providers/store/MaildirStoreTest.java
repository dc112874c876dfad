package org.mapihost.providers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
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
import org.mapihost.api.provider.PropObject;
import org.mapihost.providers.testkit.RecordingSupport;
import org.junit.jupiter.api.function.Executable;

class MaildirStoreTest {
	static final Recipient BOB = Recipient.parse("PEER:bob");
	static final Recipient CAROL = new Recipient("Carol C.", "SMTP", "carol@example.org");

	@TempDir
	Path temp;

	private final RecordingLogger log = new RecordingLogger();
	private Path root;
	private MessageStore store;

	@BeforeEach
	void logon() {
		root = temp.resolve("mail");
		store = open();
	}

	@AfterEach
	void release() {
		store.release();
	}

	private MessageStore open() {
		MaildirStoreProvider provider = new MaildirStoreProvider();
		provider.log = log.logger;
		return provider.logon(new RecordingSupport(Map.of("root", root.toString(), "identityName", "Alice",
				"identityAddress", "PEER:alice")), "test-profile", 0).store();
	}

	private EntryId inbox() {
		return store.folder("Inbox");
	}

	private static List<String> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static void assertCode(ResultCode code, Executable call) {
		assertEquals(code, assertThrows(MapiException.class, call).code());
	}

	@Test
	void theStandardFoldersComeFirstAndFoldersCanBeCreatedAndDeleted() {
		EntryId work = store.createFolder("Work");
		assertCode(ResultCode.MAPI_E_COLLISION, () -> store.createFolder("Work"));
		assertCode(ResultCode.MAPI_E_COLLISION, () -> store.createFolder("Inbox"));
		assertEquals(List.of("Inbox", "Outbox", "Sent Items", "Deleted Items", "Work"),
				store.folders().stream().map(FolderRow::name).toList());
		assertEquals(work, store.folder("Work"));
		assertTrue(Files.isRegularFile(root.resolve(".Work").resolve("maildirfolder")));

		store.saveMessage(work, Message.draft("in work", null, List.of(), ""));
		store.deleteFolder(work);
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.folder("Work"));
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.contents(work));
		for (String standard : List.of("Inbox", "Outbox", "Sent Items", "Deleted Items")) {
			assertCode(ResultCode.MAPI_E_NO_ACCESS, () -> store.deleteFolder(store.folder(standard)));
		}
		assertCode(ResultCode.MAPI_E_INVALID_PARAMETER, () -> store.createFolder("../etc"));
	}

	@Test
	void openEntryOfNothingIsTheRootFolderWithTheStandardFolders() {
		PropObject root = store.openEntry(null, 0);
		assertEquals(StoreObject.MAPI_FOLDER, root.objectType());
		assertEquals(store.folder("Outbox"), root.properties().get("PR_IPM_OUTBOX_ENTRYID"));
		assertEquals(root.entryId(), store.openEntry(root.entryId(), 0).entryId());

		PropObject inbox = store.openEntry(inbox(), 0);
		assertEquals(3, inbox.objectType());
		assertEquals("Inbox", inbox.properties().get("PR_DISPLAY_NAME"));
		assertEquals(0, inbox.properties().get("PR_CONTENT_COUNT"));
		assertEquals(List.of(), store.contents(root.entryId()));
	}

	@Test
	void aSavedMessageReadsBackAndOpensWithItsProperties() {
		Instant sent = Instant.parse("2024-03-01T08:30:15Z");
		Message message = new Message("Gr\u00fc\u00dfe", CAROL, List.of(BOB, CAROL), "line 1\nline 2\n", sent, null, true);
		EntryId id = store.saveMessage(inbox(), message);

		assertEquals(message, store.readMessage(id));
		PropObject opened = store.openEntry(id, 0);
		assertEquals(5, opened.objectType());
		Map<String, Object> properties = opened.properties();
		assertEquals("Gr\u00fc\u00dfe", properties.get("PR_SUBJECT"));
		assertEquals("Carol C.", properties.get("PR_SENDER_NAME"));
		assertEquals("carol@example.org", properties.get("PR_SENDER_EMAIL_ADDRESS"));
		assertEquals("line 1\nline 2\n", properties.get("PR_BODY"));
		assertEquals(sent, properties.get("PR_CLIENT_SUBMIT_TIME"));
		assertEquals(Properties.MSGFLAG_READ, properties.get("PR_MESSAGE_FLAGS"));
		assertFalse(properties.containsKey("PR_MESSAGE_DELIVERY_TIME"));

		Message draft = Message.draft("draft", null, List.of(BOB), "");
		assertEquals(draft, store.readMessage(store.saveMessage(inbox(), draft)));
	}

	@Test
	void theReadFlagIsTheMaildirSeenFlag() throws IOException {
		EntryId id = store.deliver("r1", "Subject: one\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
		assertFalse(store.readMessage(id).read());
		assertEquals(List.of("dlv-r1"), files(root.resolve("new")));

		store.setReadFlag(id, true);
		assertTrue(store.readMessage(id).read());
		assertEquals(List.of("dlv-r1:2,S"), files(root.resolve("cur")));
		assertEquals(new FolderRow(inbox(), "Inbox", 1, 0), store.folders().get(0));

		store.setReadFlag(id, false);
		assertEquals(List.of("dlv-r1:2,"), files(root.resolve("cur")));
		assertEquals(1, store.folders().get(0).unread());
	}

	@Test
	void contentsAreOldestFirstAndMessagesMoveAndDelete() {
		EntryId first = store.saveMessage(inbox(), Message.draft("first", null, List.of(), ""));
		EntryId second = store.deliver("second", "Subject: second\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		EntryId third = store.saveMessage(inbox(), Message.draft("third", null, List.of(), ""));
		assertEquals(List.of(first, second, third), store.contents(inbox()).stream().map(MessageRow::entryId).toList());

		EntryId deleted = store.folder("Deleted Items");
		EntryId moved = store.moveMessage(second, deleted);
		assertNotEquals(second, moved);
		assertEquals("second", store.readMessage(moved).subject());
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.readMessage(second));
		assertEquals(List.of(first, third), store.contents(inbox()).stream().map(MessageRow::entryId).toList());

		store.deleteMessage(moved);
		assertEquals(List.of(), store.contents(deleted));
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.deleteMessage(moved));
	}

	@Test
	void submitQueueSendAndFinishEndInSentItemsExactlyOnce() throws IOException {
		EntryId draft = store.saveMessage(inbox(), Message.draft("report", null, List.of(BOB, CAROL), "see attached"));
		EntryId queued = store.submitMessage(draft);
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.readMessage(draft));
		assertEquals(List.of(queued), store.outgoingQueue());
		Message submitted = store.readMessage(queued);
		assertTrue(submitted.submitTime() != null && submitted.read());
		assertEquals(List.of(BOB, CAROL), submitted.recipients());

		var outbound = store.outgoingMessage(queued);
		assertEquals(outbound.messageId(), store.outgoingMessage(queued).messageId(), "the same Message-ID on every attempt");
		assertFalse(outbound.messageId().contains("<"));
		assertEquals(List.of(BOB, CAROL), outbound.recipients());
		String wire = new String(outbound.content(), StandardCharsets.US_ASCII);
		assertFalse(wire.replace("\r\n", "").contains("\n"), "CRLF line ends only");
		assertTrue(wire.contains("To: IMCEAPEER-bob@mapihost.invalid, \"Carol C.\" <carol@example.org>\r\n"), wire);

		store.finishedMessage(queued);
		store.finishedMessage(queued);
		assertEquals(List.of(), store.outgoingQueue());
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.outgoingMessage(queued));
		List<MessageRow> sent = store.contents(store.folder("Sent Items"));
		assertEquals(1, sent.size());
		assertEquals("report", sent.get(0).message().subject());
		assertEquals(List.of(), files(root.resolve(".Outbox").resolve("cur")));

		MessageStore restarted = open();
		restarted.finishedMessage(queued);
		assertEquals(1, restarted.contents(restarted.folder("Sent Items")).size());
		restarted.release();
	}

	@Test
	void submitWithoutRecipientsIsRefusedAndTheDraftStays() {
		EntryId draft = store.saveMessage(inbox(), Message.draft("nobody", null, List.of(), ""));
		assertCode(ResultCode.MAPI_E_NO_RECIPIENTS, () -> store.submitMessage(draft));
		assertEquals("nobody", store.readMessage(draft).subject());
		assertEquals(List.of(), store.outgoingQueue());
	}

	@Test
	void theOutgoingQueueIsOldestFirstAndSkipsDraftsInTheOutbox() {
		EntryId outbox = store.folder("Outbox");
		EntryId a = store.submitMessage(store.saveMessage(outbox, Message.draft("a", null, List.of(BOB), "")));
		store.saveMessage(outbox, Message.draft("still a draft", null, List.of(BOB), ""));
		EntryId b = store.submitMessage(store.saveMessage(inbox(), Message.draft("b", null, List.of(BOB), "")));
		assertEquals(List.of(a, b), store.outgoingQueue());
		assertEquals(a, store.submitMessage(a), "submitting a queued message again changes nothing");
	}

	@Test
	void deliveringTwiceWithTheSameIdKeepsOneFileAlsoAfterARestart() throws IOException {
		byte[] mail = "From: carol@example.org\r\nTo: IMCEAPEER-alice@mapihost.invalid\r\nSubject: once\r\n\r\nhi\r\n"
				.getBytes(StandardCharsets.US_ASCII);
		EntryId first = store.deliver("peer-42", mail);
		store.setReadFlag(first, true);
		assertEquals(first, store.deliver("peer-42", mail));
		MessageStore restarted = open();
		assertEquals(first, restarted.deliver("peer-42", mail));
		restarted.release();
		assertEquals(1, store.contents(inbox()).size());
		assertEquals(List.of(), files(root.resolve("new")));
		assertEquals(List.of("dlv-peer-42:2,S"), files(root.resolve("cur")));
		assertEquals(List.of(), files(root.resolve("tmp")));

		Message delivered = store.readMessage(first);
		assertEquals(new Recipient("carol@example.org", "SMTP", "carol@example.org"), delivered.sender());
		assertEquals(List.of(new Recipient("alice", "PEER", "alice")), delivered.recipients());
		assertTrue(delivered.deliveryTime() != null);
	}

	@Test
	void aDeliveryIdThatIsNoSafeFileNameIsHashed() throws IOException {
		byte[] mail = "Subject: odd\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		EntryId id = store.deliver("../../etc/passwd", mail);
		assertEquals(id, store.deliver("../../etc/passwd", mail));
		List<String> names = files(root.resolve("new"));
		assertEquals(1, names.size());
		assertTrue(names.get(0).matches("dlvh-[0-9a-f]{64}"), names::toString);
		assertEquals("odd", store.readMessage(id).subject());
	}

	@Test
	void concurrentDeliveriesOfOneIdKeepOneFile() throws Exception {
		byte[] mail = "Subject: race\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		MessageStore second = open();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<EntryId>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				MessageStore target = i % 2 == 0 ? store : second;
				results.add(threads.submit(() -> {
					start.await();
					return target.deliver("same", mail);
				}));
			}
			start.countDown();
			for (Future<EntryId> result : results) {
				assertEquals(Outgoing.deliveryName("same").name(), StoreEntryIdsView.messageName(result.get(10, TimeUnit.SECONDS)));
			}
		} finally {
			threads.shutdownNow();
			second.release();
		}
		assertEquals(List.of("dlv-same"), files(root.resolve("new")));
		assertEquals(List.of(), files(root.resolve("tmp")));
	}

	@Test
	void craftedEntryIdsAreRefused() {
		EntryId good = store.saveMessage(inbox(), Message.draft("x", null, List.of(), ""));
		byte[] data = good.providerData();
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.readMessage(EntryId.of(org.mapihost.api.MapiUid.random(), data)));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.openEntry(EntryId.of(good.uid(), new byte[] { 1, 'M', 0, 2, '.', '.' }), 0));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.openEntry(EntryId.of(good.uid(), new byte[] { 1, 'F', 3, '.', '.', '/' }), 0));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.contents(EntryId.of(good.uid(), new byte[] { 9, 9, 9, 9 })));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.readMessage(inbox()));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.contents(good));
		byte[] unknown = data.clone();
		unknown[unknown.length - 1] ^= 1;
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.openEntry(EntryId.of(good.uid(), unknown), 0));
		assertCode(ResultCode.MAPI_E_NOT_FOUND, () -> store.contents(EntryId.of(good.uid(), new byte[] { 1, 'F', 4, 'N', 'o', 'n', 'e' })));
	}

	@Test
	void aMalformedFileIsShownAsUnreadableAndLeftAlone() throws IOException {
		store.saveMessage(inbox(), Message.draft("fine", null, List.of(), ""));
		Path junk = root.resolve("cur").resolve("1700000000.junk.host:2,S");
		Files.write(junk, new byte[] { 0, (byte) 0xFF, 0, '\n', ':', ':', 0x1B });
		Files.createDirectory(root.resolve("new").resolve("a-directory"));

		List<String> subjects = store.contents(inbox()).stream().map(row -> row.message().subject()).toList();
		assertEquals(2, subjects.size(), subjects::toString);
		assertTrue(subjects.contains("fine"));
		assertTrue(Files.exists(junk));
		store.contents(inbox());
		assertTrue(log.at("warn").size() <= 1, log.lines::toString);
	}

	@Test
	void callsAfterReleaseFailAsInvalidObject() {
		MessageStore other = open();
		other.release();
		assertCode(ResultCode.MAPI_E_INVALID_OBJECT, other::folders);
		assertCode(ResultCode.MAPI_E_INVALID_OBJECT, () -> other.deliver("x", new byte[0]));
	}
}

package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;

class StoreEntryIdsTest {
	private static final MapiUid STORE = MapiUid.parse("00112233445566778899AABBCCDDEEFF");
	private static final MessageId MESSAGE = MessageId.of("1700000000.M1P2Q3R0a1b.host");

	@Test
	void foldersAndMessagesRoundTripThroughAnEntryIdWithTheStoresUid() {
		for (StoreEntry entry : new StoreEntry[] { StoreEntry.folder(FolderName.INBOX),
				StoreEntry.folder(FolderName.SENT_ITEMS), StoreEntry.folder(FolderName.of("Entwürfe")),
				StoreEntry.message(FolderName.INBOX, MESSAGE), StoreEntry.message(FolderName.DELETED_ITEMS, MESSAGE) }) {
			EntryId entryId = StoreEntryIds.of(STORE, entry);

			assertEquals(STORE, entryId.uid());
			assertEquals(entry, StoreEntryIds.parse(STORE, EntryId.parse(entryId.toString())));
		}
	}

	@Test
	void theEncodingIsCompact() {
		assertArrayEquals(new byte[] { 1, 'F', 0 }, StoreEntryIds.toBytes(StoreEntry.folder(FolderName.INBOX)));
		assertEquals(3 + 1 + MESSAGE.name().length(),
				StoreEntryIds.toBytes(StoreEntry.message(FolderName.INBOX, MESSAGE)).length);
	}

	@Test
	void anEntryIdOfAnotherProviderIsRefused() {
		EntryId other = StoreEntryIds.of(MapiUid.random(), StoreEntry.folder(FolderName.INBOX));

		MapiException refused = assertThrows(MapiException.class, () -> StoreEntryIds.parse(STORE, other));

		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, refused.code());
		assertTrue(refused.sentence().contains("not this store's " + STORE), refused.sentence());
	}

	static Stream<Arguments> craftedProviderData() {
		return Stream.of(
				Arguments.of("parent folder", folder(".."), "folder name '..'"),
				Arguments.of("parent path in folder", folder("../../etc"), "contains '.'"),
				Arguments.of("absolute folder", folder("/etc"), "contains '/'"),
				Arguments.of("windows path", folder("C:\\Windows"), "contains ':'"),
				Arguments.of("NUL in folder", folder("Inbox\0.txt"), "U+0000"),
				Arguments.of("hidden folder", folder(".ssh"), "contains '.'"),
				Arguments.of("Inbox spelled out", folder("Inbox"), "the Inbox is an empty folder name"),
				Arguments.of("parent message", message("", ".."), "starts with a dot"),
				Arguments.of("message path", message("", "../../../etc/passwd"), "starts with a dot"),
				Arguments.of("absolute message", message("", "/etc/passwd"), "contains '/'"),
				Arguments.of("message in subdirectory", message("Outbox", "cur/x"), "contains '/'"),
				Arguments.of("NUL in message", message("", "abc\0def"), "contains '\\u0000'"),
				Arguments.of("info suffix in message", message("", "abc:2,S"), "contains ':'"),
				Arguments.of("overlong", new byte[StoreEntryIds.MAX_SIZE + 1], "exceed"),
				Arguments.of("huge", new byte[EntryId.MAX_SIZE - EntryId.MIN_SIZE], "exceed"),
				Arguments.of("empty", new byte[0], "format"),
				Arguments.of("wrong format", new byte[] { 9, 'F', 0 }, "format"),
				Arguments.of("unknown kind", new byte[] { 1, 'X', 0 }, "kind byte"),
				Arguments.of("length beyond the end", new byte[] { 1, 'F', 40, 'a' }, "only 1 follow"),
				Arguments.of("message without name", new byte[] { 1, 'M', 0 }, "ends before"),
				Arguments.of("empty message name", new byte[] { 1, 'M', 0, 0 }, "needs a unique name"),
				Arguments.of("trailing bytes", new byte[] { 1, 'F', 0, 0 }, "unexpected bytes"),
				Arguments.of("invalid UTF-8", new byte[] { 1, 'F', 2, (byte) 0xC0, (byte) 0xAE }, "not valid UTF-8"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("craftedProviderData")
	void craftedEntryIdsAreRefusedWithAClearMessage(String attack, byte[] providerData, String expected) {
		EntryId crafted = EntryId.of(STORE, providerData);

		MapiException refused = assertThrows(MapiException.class, () -> StoreEntryIds.parse(STORE, crafted));

		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, refused.code(), attack);
		assertTrue(refused.sentence().contains(expected), attack + ": " + refused.sentence());
	}

	@Test
	void randomGarbageIsRefusedOrNamesOnlyAValidEntry() {
		Random random = new Random(4711);
		for (int i = 0; i < 20_000; i++) {
			byte[] garbage = new byte[random.nextInt(40)];
			random.nextBytes(garbage);
			if (garbage.length > 2 && random.nextBoolean()) {
				garbage[0] = StoreEntryIds.FORMAT;
				garbage[1] = random.nextBoolean() ? StoreEntryIds.FOLDER : StoreEntryIds.MESSAGE;
				garbage[2] = (byte) random.nextInt(garbage.length - 2);
			}
			try {
				StoreEntry entry = StoreEntryIds.parse(garbage);
				assertArrayEquals(garbage, StoreEntryIds.toBytes(entry), "only canonical data is accepted");
			} catch (MapiException refused) {
				assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, refused.code());
			}
		}
	}

	private static byte[] folder(String name) {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.write(1);
		data.write('F');
		field(data, name);
		return data.toByteArray();
	}

	private static byte[] message(String folder, String message) {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.write(1);
		data.write('M');
		field(data, folder);
		field(data, message);
		return data.toByteArray();
	}

	private static void field(ByteArrayOutputStream data, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		data.write(bytes.length);
		data.write(bytes, 0, bytes.length);
	}
}

package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The entry-ID and MAPIUID parsers on any input: each either gives a value that survives a
 * round trip through its written form, or a {@link MapiException} with the documented code and
 * a message; nothing else escapes. The first byte of an input chooses the parser ('h' hex entry
 * ID, 'b' raw entry ID, 'u' hex MAPIUID; others by its value modulo 3), the rest is its input,
 * text as UTF-8, so the committed inputs in {@code EntryIdFuzzTestInputs/} can be written by hand.
 */
class EntryIdFuzzTest {
	@FuzzTest
	void entryIdsAndUidsParseAndRoundTripOrAreRefused(byte[] input) {
		if (input.length == 0) {
			return;
		}
		byte[] rest = Arrays.copyOfRange(input, 1, input.length);
		switch (input[0] == 'h' ? 0 : input[0] == 'b' ? 1 : input[0] == 'u' ? 2 : Math.floorMod(input[0], 3)) {
			case 0 -> hexEntryId(new String(rest, StandardCharsets.UTF_8));
			case 1 -> rawEntryId(rest);
			default -> hexUid(new String(rest, StandardCharsets.UTF_8));
		}
	}

	private static void hexEntryId(String text) {
		EntryId id;
		try {
			id = EntryId.parse(text);
		} catch (MapiException e) {
			assertRefused(ResultCode.MAPI_E_INVALID_ENTRYID, e);
			return;
		}
		assertEquals(text.toUpperCase(Locale.ROOT), id.toString(), "hex in, the same hex out");
		assertRoundTrips(id);
	}

	private static void rawEntryId(byte[] bytes) {
		EntryId id;
		try {
			id = EntryId.of(bytes);
		} catch (MapiException e) {
			assertRefused(ResultCode.MAPI_E_INVALID_ENTRYID, e);
			assertFalse(bytes.length >= EntryId.MIN_SIZE && bytes.length <= EntryId.MAX_SIZE, "refused a valid size: " + e);
			return;
		}
		assertArrayEquals(bytes, id.toByteArray());
		assertRoundTrips(id);
	}

	private static void hexUid(String text) {
		MapiUid uid;
		try {
			uid = MapiUid.parse(text);
		} catch (MapiException e) {
			assertRefused(ResultCode.MAPI_E_INVALID_PARAMETER, e);
			return;
		}
		assertEquals(text.toUpperCase(Locale.ROOT), uid.toString());
		assertEquals(uid, MapiUid.parse(uid.toString()));
		assertEquals(uid, MapiUid.of(uid.toByteArray()));
	}

	private static void assertRoundTrips(EntryId id) {
		byte[] bytes = id.toByteArray();
		assertEquals(bytes.length, id.size());
		assertEquals(id, EntryId.parse(id.toString()));
		assertEquals(id, EntryId.of(bytes));
		assertEquals(id.hashCode(), EntryId.of(bytes).hashCode());
		assertArrayEquals(Arrays.copyOfRange(bytes, EntryId.FLAGS_SIZE, EntryId.MIN_SIZE), id.uid().toByteArray());
		assertArrayEquals(Arrays.copyOfRange(bytes, EntryId.MIN_SIZE, bytes.length), id.providerData());
		int flags = (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
		assertEquals(flags, id.flags());
		if (flags == 0) {
			assertEquals(id, EntryId.of(id.uid(), id.providerData()), "flags 0: the same as made from its MAPIUID and data");
		}
	}

	private static void assertRefused(ResultCode expected, MapiException e) {
		assertEquals(expected, e.code(), e.toString());
		assertFalse(e.sentence() == null || e.sentence().isBlank(), "a refusal says why");
	}
}

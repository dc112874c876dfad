package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryIdTest {
	private static final MapiUid UID = MapiUid.parse("0102030405060708090A0B0C0D0E0F10");
	private static final byte[] DATA = { (byte) 0xCA, (byte) 0xFE, 0x00, 0x7F };

	@Test
	void ofUidAndDataLaysOutFlagsUidData() {
		EntryId id = EntryId.of(UID, DATA);
		byte[] bytes = id.toByteArray();
		assertEquals(4 + 16 + DATA.length, bytes.length);
		assertEquals(bytes.length, id.size());
		assertArrayEquals(new byte[4], Arrays.copyOfRange(bytes, 0, 4), "flag bytes are zero");
		assertArrayEquals(UID.toByteArray(), Arrays.copyOfRange(bytes, 4, 20), "MAPIUID follows the flags");
		assertArrayEquals(DATA, Arrays.copyOfRange(bytes, 20, bytes.length), "provider data follows the MAPIUID");
		assertEquals(0, id.flags());
		assertEquals(UID, id.uid());
		assertArrayEquals(DATA, id.providerData());
		assertEquals("00000000" + "0102030405060708090A0B0C0D0E0F10" + "CAFE007F", id.toString());
	}

	@Test
	void ofUidWithoutDataIsTheSmallestEntryId() {
		EntryId id = EntryId.of(UID, new byte[0]);
		assertEquals(EntryId.MIN_SIZE, id.size());
		assertEquals(20, EntryId.MIN_SIZE);
		assertArrayEquals(new byte[0], id.providerData());
	}

	@Test
	void flagsAreTheFirstFourBytesBigEndian() {
		byte[] bytes = EntryId.of(UID, DATA).toByteArray();
		bytes[0] = (byte) 0x80;
		bytes[1] = 0x02;
		bytes[2] = 0x03;
		bytes[3] = 0x04;
		EntryId id = EntryId.of(bytes);
		assertEquals(0x80020304, id.flags());
		assertEquals(UID, id.uid());
		assertArrayEquals(DATA, id.providerData());
	}

	@Test
	void parseAndToStringRoundTrip() {
		EntryId id = EntryId.of(UID, DATA);
		assertEquals(id, EntryId.parse(id.toString()));
		assertEquals(id, EntryId.parse(id.toString().toLowerCase()));
		assertEquals(id.toString(), EntryId.parse(id.toString()).toString());
	}

	@Test
	void ofBytesAcceptsTheLimits() {
		assertEquals(EntryId.MIN_SIZE, EntryId.of(new byte[EntryId.MIN_SIZE]).size());
		assertEquals(EntryId.MAX_SIZE, EntryId.of(new byte[EntryId.MAX_SIZE]).size());
		assertEquals(64 * 1024, EntryId.MAX_SIZE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 4, 19 })
	void ofBytesRefusesTooShort(int length) {
		MapiException e = assertThrows(MapiException.class, () -> EntryId.of(new byte[length]));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("at least 20"), e.getMessage());
		assertTrue(e.sentence().contains("got " + length), e.getMessage());
	}

	@Test
	void ofBytesRefusesNull() {
		MapiException e = assertThrows(MapiException.class, () -> EntryId.of((byte[]) null));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("no entry ID"), e.getMessage());
	}

	@Test
	void ofBytesRefusesTooLong() {
		MapiException e = assertThrows(MapiException.class, () -> EntryId.of(new byte[EntryId.MAX_SIZE + 1]));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("at most " + EntryId.MAX_SIZE), e.getMessage());
		assertTrue(e.sentence().contains("got " + (EntryId.MAX_SIZE + 1)), e.getMessage());
	}

	@Test
	void ofUidRefusesTooMuchProviderData() {
		MapiException e = assertThrows(MapiException.class,
				() -> EntryId.of(UID, new byte[EntryId.MAX_SIZE - EntryId.MIN_SIZE + 1]));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
		assertEquals(EntryId.MAX_SIZE, EntryId.of(UID, new byte[EntryId.MAX_SIZE - EntryId.MIN_SIZE]).size());
	}

	@Test
	void ofUidRefusesNulls() {
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> EntryId.of(null, DATA)).code());
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> EntryId.of(UID, null)).code());
	}

	@Test
	void parseRefusesNull() {
		MapiException e = assertThrows(MapiException.class, () -> EntryId.parse(null));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
	}

	@Test
	void parseRefusesTooShort() {
		MapiException e = assertThrows(MapiException.class, () -> EntryId.parse("00".repeat(19)));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("at least 20"), e.getMessage());
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID,
				assertThrows(MapiException.class, () -> EntryId.parse("")).code());
	}

	@Test
	void parseRefusesAnOddNumberOfDigits() {
		String text = EntryId.of(UID, DATA).toString() + "0";
		MapiException e = assertThrows(MapiException.class, () -> EntryId.parse(text));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("even number"), e.getMessage());
	}

	@Test
	void parseRefusesNonHexAndNamesTheText() {
		String text = EntryId.of(UID, DATA).toString().replace("CAFE", "CAXE");
		MapiException e = assertThrows(MapiException.class, () -> EntryId.parse(text));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("hex digits"), e.getMessage());
		assertTrue(e.sentence().contains(text), e.getMessage());
	}

	/** An even number of valid hex digits that is simply too long: the message must say so. */
	@Test
	void parseRefusesTooLongAndSaysItIsTooLong() {
		String text = "00".repeat(EntryId.MAX_SIZE + 1);
		MapiException e = assertThrows(MapiException.class, () -> EntryId.parse(text));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
		assertTrue(e.sentence().contains("at most " + EntryId.MAX_SIZE), e.getMessage());
	}

	/**
	 * {@code Character.digit} also accepts non-ASCII digits (Arabic-Indic, full-width), which
	 * {@code HexFormat} then rejects with its own exception.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\u0663", "\uFF21" })
	void parseRefusesNonAsciiDigitsWithAMapiCode(String odd) {
		String text = odd + EntryId.of(UID, DATA).toString().substring(1);
		MapiException e = assertThrows(MapiException.class, () -> EntryId.parse(text));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
	}

	@Test
	void ofBytesCopiesItsInput() {
		byte[] bytes = EntryId.of(UID, DATA).toByteArray();
		EntryId id = EntryId.of(bytes);
		bytes[4] = 0x55;
		bytes[bytes.length - 1] = 0x55;
		assertEquals(UID, id.uid());
		assertArrayEquals(DATA, id.providerData());
	}

	@Test
	void ofUidCopiesTheProviderData() {
		byte[] data = DATA.clone();
		EntryId id = EntryId.of(UID, data);
		data[0] = 0;
		assertArrayEquals(DATA, id.providerData());
	}

	@Test
	void gettersReturnCopies() {
		EntryId id = EntryId.of(UID, DATA);
		id.toByteArray()[0] = 0x7F;
		id.providerData()[0] = 0x7F;
		id.uid().toByteArray()[0] = 0x7F;
		assertEquals(0, id.flags());
		assertArrayEquals(DATA, id.providerData());
		assertEquals(UID, id.uid());
		assertEquals(EntryId.of(UID, DATA), id);
	}

	@Test
	void equalsAndHashCodeFollowTheBytes() {
		EntryId a = EntryId.of(UID, DATA);
		EntryId b = EntryId.parse(a.toString());
		assertEquals(a, b);
		assertEquals(a.hashCode(), b.hashCode());
		assertNotEquals(a, EntryId.of(UID, new byte[] { 1 }));
		assertNotEquals(a, EntryId.of(MapiUid.random(), DATA));
		assertNotEquals(a, a.toString());
	}
}

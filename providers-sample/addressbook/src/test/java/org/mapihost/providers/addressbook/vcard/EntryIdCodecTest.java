package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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

class EntryIdCodecTest {
	private static final ContactId CONTACT = ContactId.fromUid("urn:uuid:alice");
	private static final OneOffAddress ONE_OFF = new OneOffAddress("SMTP", "someone@example.org");

	@Test
	void aContactIsEighteenBytesAndComesBack() {
		byte[] data = EntryIdCodec.encode(CONTACT);
		assertEquals(18, data.length);
		assertEquals(CONTACT, EntryIdCodec.decode(data));
	}

	@Test
	void oneOffsComeBack() {
		for (OneOffAddress oneOff : List.of(ONE_OFF, new OneOffAddress("SMTP", "user@b\u00fccher.example"),
				new OneOffAddress("PEER", "b\u00f6b \u2603"), new OneOffAddress("X", "x".repeat(OneOffAddress.MAX_ADDRESS_LENGTH)))) {
			assertEquals(oneOff, EntryIdCodec.decode(EntryIdCodec.encode(oneOff)));
		}
		assertEquals("01020453 4D545000 13" + hex("someone@example.org"), spaced(EntryIdCodec.encode(ONE_OFF)));
	}

	@Test
	void entryIdsCarryTheUidAndAreRefusedWithAnother() {
		MapiUid uid = MapiUid.random();
		EntryId entryId = EntryIdCodec.toEntryId(uid, ONE_OFF);
		assertEquals(uid, entryId.uid());
		assertEquals(ONE_OFF, EntryIdCodec.fromEntryId(EntryId.of(entryId.toByteArray()), uid));

		MapiException e = assertThrows(MapiException.class, () -> EntryIdCodec.fromEntryId(entryId, MapiUid.random()));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
	}

	static Stream<Arguments> craftedData() {
		byte[] contact = EntryIdCodec.encode(CONTACT);
		byte[] oneOff = EntryIdCodec.encode(ONE_OFF);
		return Stream.of(
				Arguments.of("null", null),
				Arguments.of("empty", new byte[0]),
				Arguments.of("version only", new byte[] { 1 }),
				Arguments.of("version 0", with(contact, 0, 0)),
				Arguments.of("version 2", with(contact, 0, 2)),
				Arguments.of("kind 0", with(contact, 1, 0)),
				Arguments.of("kind 3", with(contact, 1, 3)),
				Arguments.of("contact cut short", Arrays.copyOf(contact, 17)),
				Arguments.of("contact with a trailing byte", Arrays.copyOf(contact, 19)),
				Arguments.of("one-off without a type length", new byte[] { 1, 2 }),
				Arguments.of("type length 0", with(oneOff, 2, 0)),
				Arguments.of("type length 33", with(oneOff, 2, 33)),
				Arguments.of("type length past the end", with(oneOff, 2, 0xFF)),
				Arguments.of("type not ASCII", with(oneOff, 3, 0xC3)),
				Arguments.of("type in lower case", with(oneOff, 3, 's')),
				Arguments.of("type starting with a digit", with(oneOff, 3, '1')),
				Arguments.of("address length 0", with(with(oneOff, 7, 0), 8, 0)),
				Arguments.of("address length too long", with(oneOff, 8, 20)),
				Arguments.of("address length too short", with(oneOff, 8, 18)),
				Arguments.of("address length 65535", with(with(oneOff, 7, 0xFF), 8, 0xFF)),
				Arguments.of("trailing byte", Arrays.copyOf(oneOff, oneOff.length + 1)),
				Arguments.of("address cut short", Arrays.copyOf(oneOff, oneOff.length - 1)),
				Arguments.of("address not UTF-8", with(oneOff, 9, 0xFF)),
				Arguments.of("address with a space", with(oneOff, 9, ' ')),
				Arguments.of("address without @", with(oneOff, 16, 'X')),
				Arguments.of("plain address with a control character", peerWith((byte) 0)),
				Arguments.of("overlong", new byte[EntryIdCodec.MAX_DATA_SIZE + 1]),
				Arguments.of("huge", new byte[1 << 20]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("craftedData")
	void craftedDataIsAnInvalidEntryId(String what, byte[] data) {
		MapiException e = assertThrows(MapiException.class, () -> EntryIdCodec.decode(data), what);
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code(), what);
		assertTrue(e.sentence().startsWith("address-book entry data "), e.sentence());
	}

	@Test
	void randomAndMutatedBytesDecodeToTheirOwnEncodingOrAreAnInvalidEntryId() {
		Random random = new Random(20240917L);
		List<byte[]> inputs = new ArrayList<>();
		byte[][] seeds = { EntryIdCodec.encode(CONTACT), EntryIdCodec.encode(ONE_OFF), EntryIdCodec.encode(new OneOffAddress("PEER", "bob")) };
		for (int i = 0; i < 20_000; i++) {
			byte[] seed = seeds[random.nextInt(seeds.length)];
			byte[] input = Arrays.copyOf(seed, Math.max(0, seed.length + random.nextInt(7) - 3));
			for (int flips = random.nextInt(3); flips >= 0; flips--) {
				if (input.length > 0) {
					input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
				}
			}
			inputs.add(input);
			byte[] noise = new byte[random.nextInt(64)];
			random.nextBytes(noise);
			inputs.add(noise);
		}
		int rejected = 0;
		for (byte[] input : inputs) {
			try {
				assertArrayEquals(input, EntryIdCodec.encode(EntryIdCodec.decode(input)), () -> HexFormat.of().formatHex(input));
			} catch (MapiException e) {
				assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
				rejected++;
			}
		}
		assertTrue(rejected > inputs.size() / 2, "most garbage is refused, got " + rejected + " of " + inputs.size());
	}

	private static byte[] with(byte[] data, int index, int value) {
		byte[] copy = data.clone();
		copy[index] = (byte) value;
		return copy;
	}

	private static byte[] peerWith(byte control) {
		byte[] data = EntryIdCodec.encode(new OneOffAddress("PEER", "bob"));
		data[data.length - 2] = control;
		return data;
	}

	private static String hex(String text) {
		return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The encoding split as version+kind+type length+2 type bytes, the other type bytes+address length, the rest. */
	private static String spaced(byte[] data) {
		String hex = HexFormat.of().withUpperCase().formatHex(data);
		return hex.substring(0, 8) + " " + hex.substring(8, 16) + " " + hex.substring(16);
	}
}

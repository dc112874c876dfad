package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MapiUidTest {
	private static final String HEX = "00112233445566778899AABBCCDDEEFF";

	private static byte[] sample() {
		byte[] bytes = new byte[16];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 0x11);
		}
		return bytes;
	}

	@Test
	void ofAndToStringAndParseRoundTrip() {
		MapiUid uid = MapiUid.of(sample());
		assertEquals(HEX, uid.toString());
		assertEquals(uid, MapiUid.parse(HEX));
		assertArrayEquals(sample(), MapiUid.parse(uid.toString()).toByteArray());
	}

	@Test
	void parseAcceptsLowerCase() {
		assertEquals(MapiUid.of(sample()), MapiUid.parse(HEX.toLowerCase()));
	}

	@Test
	void randomUidsDifferAndRoundTrip() {
		MapiUid a = MapiUid.random();
		MapiUid b = MapiUid.random();
		assertNotEquals(a, b);
		assertEquals(a, MapiUid.parse(a.toString()));
		assertEquals(MapiUid.SIZE, a.toByteArray().length);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 15, 17, 20 })
	void ofRefusesWrongLengths(int length) {
		MapiException e = assertThrows(MapiException.class, () -> MapiUid.of(new byte[length]));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
		assertTrue(e.sentence().contains(String.valueOf(length)), e.getMessage());
	}

	@Test
	void ofRefusesNull() {
		MapiException e = assertThrows(MapiException.class, () -> MapiUid.of(null));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "0011", "00112233445566778899AABBCCDDEEF", "00112233445566778899AABBCCDDEEFF00",
			"00112233445566778899AABBCCDDEEFG", "0x112233445566778899AABBCCDDEEFF", " 0112233445566778899AABBCCDDEEFF",
			"00112233-4455-6677-8899-AABBCCDDEEFF" })
	void parseRefusesWhatIsNot32HexDigits(String text) {
		MapiException e = assertThrows(MapiException.class, () -> MapiUid.parse(text));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
	}

	/**
	 * {@code Character.digit} also accepts non-ASCII digits (Arabic-Indic, full-width), which
	 * {@code HexFormat} then rejects with its own exception.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\u0663", "\uFF21", "\uFF10" })
	void parseRefusesNonAsciiDigitsWithAMapiCode(String odd) {
		String text = odd + HEX.substring(1);
		MapiException e = assertThrows(MapiException.class, () -> MapiUid.parse(text));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
	}

	@Test
	void equalsAndHashCodeFollowTheBytes() {
		MapiUid a = MapiUid.of(sample());
		MapiUid b = MapiUid.parse(HEX);
		assertEquals(a, b);
		assertEquals(a.hashCode(), b.hashCode());
		byte[] other = sample();
		other[15] ^= 1;
		assertNotEquals(a, MapiUid.of(other));
		assertNotEquals(a, null);
		assertNotEquals(a, HEX);
	}

	@Test
	void ofCopiesItsInput() {
		byte[] bytes = sample();
		MapiUid uid = MapiUid.of(bytes);
		bytes[0] = 42;
		assertArrayEquals(sample(), uid.toByteArray());
	}

	@Test
	void toByteArrayReturnsACopy() {
		MapiUid uid = MapiUid.of(sample());
		byte[] copy = uid.toByteArray();
		copy[0] = 42;
		assertArrayEquals(sample(), uid.toByteArray());
		assertEquals(HEX, uid.toString());
	}
}

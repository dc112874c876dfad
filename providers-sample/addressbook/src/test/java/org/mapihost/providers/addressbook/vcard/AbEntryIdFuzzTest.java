package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The address book's entry-ID data and one-off addresses on any input. The first byte chooses:
 * {@code 'o'} parses the rest (UTF-8) as a typed one-off address, anything else decodes the
 * rest as entry-ID data. Decoding gives a target whose encoding is the input, byte for byte,
 * or {@code MAPI_E_INVALID_ENTRYID}; a one-off either is refused with an
 * {@link IllegalArgumentException} or survives being written and read again, as text and as an
 * entry ID. Nothing else escapes.
 */
class AbEntryIdFuzzTest {
	@FuzzTest
	void entryIdsAndOneOffsRoundTripOrAreRefused(byte[] input) {
		if (input.length == 0) {
			return;
		}
		byte[] rest = Arrays.copyOfRange(input, 1, input.length);
		if (input[0] == 'o') {
			oneOff(new String(rest, StandardCharsets.UTF_8));
		} else {
			entryData(rest);
		}
	}

	private static void entryData(byte[] data) {
		EntryTarget target;
		try {
			target = EntryIdCodec.decode(data);
		} catch (MapiException e) {
			assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code(), e.toString());
			return;
		}
		assertArrayEquals(data, EntryIdCodec.encode(target), "only the canonical form decodes");
	}

	private static void oneOff(String typed) {
		OneOffAddress address;
		try {
			address = OneOffAddress.parse(typed);
		} catch (IllegalArgumentException e) {
			assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
			return;
		}
		assertTrue(address.address().length() <= OneOffAddress.MAX_ADDRESS_LENGTH);
		assertEquals(address, OneOffAddress.parse(address.toString()), "written as TYPE:address and parsed again");
		assertEquals(address, EntryIdCodec.decode(EntryIdCodec.encode(address)), "as an entry ID and back");
	}
}

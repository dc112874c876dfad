package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.api.StoreLogoffFlag.LOGOFF_ABORT;
import static org.mapihost.api.StoreLogoffFlag.LOGOFF_COMPLETE;
import static org.mapihost.api.StoreLogoffFlag.LOGOFF_NO_WAIT;
import static org.mapihost.api.StoreLogoffFlag.LOGOFF_ORDERLY;
import static org.mapihost.api.StoreLogoffFlag.LOGOFF_PURGE;
import static org.mapihost.api.StoreLogoffFlag.LOGOFF_QUIET;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MapiFlagsTest {
	private static final StoreLogoffFlag[] INPUT = { LOGOFF_NO_WAIT, LOGOFF_ORDERLY, LOGOFF_PURGE, LOGOFF_ABORT,
			LOGOFF_QUIET };

	@Test
	void namesListsTheBitsInDeclarationOrder() {
		assertEquals(List.of(), MapiFlags.names(StoreLogoffFlag.class, 0));
		assertEquals(List.of("LOGOFF_ORDERLY"), MapiFlags.names(StoreLogoffFlag.class, 0x2));
		assertEquals(List.of("LOGOFF_ORDERLY", "LOGOFF_COMPLETE", "LOGOFF_OUTBOUND_QUEUE"),
				MapiFlags.names(StoreLogoffFlag.class, 0x00080000 | 0x00010000 | 0x2));
	}

	@Test
	void namesShowsUnknownBitsAsHex() {
		assertEquals(List.of("LOGOFF_QUIET", "0x00000400"), MapiFlags.names(StoreLogoffFlag.class, 0x10 | 0x400));
		assertEquals(List.of("0x80000020"), MapiFlags.names(StoreLogoffFlag.class, 0x80000020));
	}

	@Test
	void namesHandlesTheSignBit() {
		assertEquals(List.of("NOTIFY_BEGIN_INBOUND", "NOTIFY_CANCEL_MESSAGE"),
				MapiFlags.names(NotifyFlag.class, 0x80000001));
	}

	@ParameterizedTest(name = "\"{0}\" = {1}")
	@CsvSource(delimiter = ';', value = {
			"LOGOFF_ORDERLY; 2",
			"logoff_orderly; 2",
			"orderly; 2",
			"ORDERLY|quiet; 18",
			"orderly | quiet; 18",
			"logoff-orderly; 2",
			"0x2; 2",
			"0X10; 16",
			"2; 2",
			"0; 0",
			"orderly|0x10000; 65538",
			"complete; 65536",
			"outbound; 262144",
			"outbound_queue; 524288" })
	void parseReadsNamesAndNumbers(String text, int expected) {
		assertEquals(expected, MapiFlags.parse(StoreLogoffFlag.class, text));
	}

	@Test
	void parseOfNothingIsZero() {
		assertEquals(0, MapiFlags.parse(StoreLogoffFlag.class, ""));
		assertEquals(0, MapiFlags.parse(StoreLogoffFlag.class, "   "));
		assertEquals(0, MapiFlags.parse(StoreLogoffFlag.class, null));
	}

	@Test
	void parseReadsTheSignBit() {
		assertEquals(0x80000000, MapiFlags.parse(NotifyFlag.class, "cancel_message"));
		assertEquals(0x80000000, MapiFlags.parse(NotifyFlag.class, "0x80000000"));
		assertEquals(0x80000000, MapiFlags.parse(NotifyFlag.class, "2147483648"));
	}

	@Test
	void parseRefusesAnUnknownWordAndNamesIt() {
		MapiException e = assertThrows(MapiException.class,
				() -> MapiFlags.parse(StoreLogoffFlag.class, "orderly|sideways"));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(e.sentence().contains("'sideways'"), e.getMessage());
		assertTrue(e.sentence().contains("unknown"), e.getMessage());
		assertTrue(e.sentence().contains("LOGOFF_ORDERLY"), "lists the known flags: " + e.getMessage());
	}

	@Test
	void parseRefusesAFlagOfAnotherFamily() {
		MapiException e = assertThrows(MapiException.class,
				() -> MapiFlags.parse(StoreLogoffFlag.class, "NOTIFY_BEGIN_INBOUND"));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
	}

	@Test
	void parseRefusesAnAmbiguousShortName() {
		MapiException e = assertThrows(MapiException.class, () -> MapiFlags.parse(NotifyFlag.class, "inbound"));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(e.sentence().contains("ambiguous"), e.getMessage());
		assertTrue(e.sentence().contains("'inbound'"), e.getMessage());
		assertEquals(NotifyFlag.NOTIFY_BEGIN_INBOUND.value(), MapiFlags.parse(NotifyFlag.class, "begin_inbound"));
	}

	@Test
	void parseRefusesNumbersOutOfRange() {
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS,
				assertThrows(MapiException.class, () -> MapiFlags.parse(StoreLogoffFlag.class, "4294967296")).code());
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS,
				assertThrows(MapiException.class, () -> MapiFlags.parse(StoreLogoffFlag.class, "0x100000000")).code());
	}

	@Test
	void requireKnownReturnsTheBits() {
		assertEquals(0x12, MapiFlags.requireKnown("IMsgStore::StoreLogoff", 0x12, INPUT));
		assertEquals(0, MapiFlags.requireKnown("IMsgStore::StoreLogoff", 0, INPUT));
	}

	@Test
	void requireKnownRefusesOtherBitsAndNamesThem() {
		MapiException e = assertThrows(MapiException.class,
				() -> MapiFlags.requireKnown("IMsgStore::StoreLogoff", 0x2 | 0x400, INPUT));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
		assertTrue(e.sentence().contains("0x00000400"), e.getMessage());
		assertTrue(e.sentence().contains("IMsgStore::StoreLogoff"), e.getMessage());
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, assertThrows(MapiException.class,
				() -> MapiFlags.requireKnown("IMsgStore::StoreLogoff", LOGOFF_COMPLETE.value(), INPUT)).code(),
				"an output flag is not an input flag");
	}

	@ParameterizedTest
	@EnumSource(value = StoreLogoffFlag.class, names = { "LOGOFF_NO_WAIT", "LOGOFF_ORDERLY", "LOGOFF_PURGE",
			"LOGOFF_ABORT", "LOGOFF_QUIET" })
	void requireExactlyOneAcceptsEachInputFlag(StoreLogoffFlag flag) {
		assertEquals(flag, MapiFlags.requireExactlyOne("IMsgStore::StoreLogoff", flag.value(), INPUT));
	}

	@Test
	void requireExactlyOneRefusesNone() {
		MapiException e = assertThrows(MapiException.class,
				() -> MapiFlags.requireExactlyOne("IMsgStore::StoreLogoff", 0, INPUT));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
		assertTrue(e.sentence().contains("none"), e.getMessage());
	}

	@Test
	void requireExactlyOneRefusesTwoAndNamesThem() {
		MapiException e = assertThrows(MapiException.class,
				() -> MapiFlags.requireExactlyOne("IMsgStore::StoreLogoff", 0x2 | 0x8, INPUT));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
		assertTrue(e.sentence().contains("LOGOFF_ORDERLY|LOGOFF_ABORT"), e.getMessage());
	}

	@Test
	void requireExactlyOneRefusesUnknownBitsAsUnknownFlags() {
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, assertThrows(MapiException.class,
				() -> MapiFlags.requireExactlyOne("IMsgStore::StoreLogoff", 0x400, INPUT)).code());
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, assertThrows(MapiException.class,
				() -> MapiFlags.requireExactlyOne("IMsgStore::StoreLogoff", 0x2 | 0x400, INPUT)).code());
	}
}

package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ResultCodeTest {

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({
			"S_OK,                      0x00000000",
			"MAPI_W_ERRORS_RETURNED,    0x00040380",
			"MAPI_E_CALL_FAILED,        0x80004005",
			"MAPI_E_INVALID_PARAMETER,  0x80070057",
			"MAPI_E_NO_SUPPORT,         0x80040102",
			"MAPI_E_UNKNOWN_FLAGS,      0x80040106",
			"MAPI_E_INVALID_ENTRYID,    0x80040107",
			"MAPI_E_INVALID_OBJECT,     0x80040108",
			"MAPI_E_NOT_FOUND,          0x8004010F",
			"MAPI_E_VERSION,            0x80040110",
			"MAPI_E_LOGON_FAILED,       0x80040111",
			"MAPI_E_UNCONFIGURED,       0x8004011C",
			"MAPI_E_FAILONEPROVIDER,    0x8004011D",
			"MAPI_E_UNKNOWN_ENTRYID,    0x80040201",
			"MAPI_E_TIMEOUT,            0x80040401",
			"MAPI_E_NOT_INITIALIZED,    0x80040605" })
	void hasTheRealHresultValue(ResultCode code, String hex) {
		int expected = Integer.parseUnsignedInt(hex.substring(2), 16);
		assertEquals(expected, code.value(), code + " has the value of MAPICode.h / winerror.h");
		assertEquals(hex.toUpperCase().replace("0X", "0x"), code.hex());
	}

	@ParameterizedTest
	@EnumSource(ResultCode.class)
	void ofFindsEveryCodeByItsValue(ResultCode code) {
		assertEquals(Optional.of(code), ResultCode.of(code.value()));
	}

	@Test
	void ofAnUnknownValueIsEmpty() {
		assertEquals(Optional.empty(), ResultCode.of(0x80049999));
		assertEquals(Optional.empty(), ResultCode.of(1));
	}

	@Test
	void onlySuccessAndWarningsSucceed() {
		Set<ResultCode> succeeding = Arrays.stream(ResultCode.values()).filter(ResultCode::succeeded)
				.collect(Collectors.toSet());
		assertEquals(Set.of(ResultCode.S_OK, ResultCode.MAPI_W_ERRORS_RETURNED), succeeding);
		assertFalse(ResultCode.MAPI_E_CALL_FAILED.succeeded());
		assertFalse(ResultCode.MAPI_E_NOT_INITIALIZED.succeeded());
	}

	@Test
	void namesAndValuesAreUnique() {
		Set<String> names = new HashSet<>();
		Set<Integer> values = new HashSet<>();
		for (ResultCode code : ResultCode.values()) {
			assertTrue(names.add(code.name()), "name twice: " + code);
			assertTrue(values.add(code.value()), "value twice: " + code.hex() + " (" + code + ")");
		}
	}

	@Test
	void everyFailureCodeHasTheSeverityBit() {
		for (ResultCode code : ResultCode.values()) {
			assertEquals(code.name().startsWith("MAPI_E_"), code.value() < 0, code.name());
		}
	}
}

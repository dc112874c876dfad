package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class MapiExceptionTest {

	@Test
	void carriesCodeAndSentence() {
		MapiException e = new MapiException(ResultCode.MAPI_E_NOT_FOUND, "no store named 'x'");
		assertEquals(ResultCode.MAPI_E_NOT_FOUND, e.code());
		assertEquals("no store named 'x'", e.sentence());
		assertEquals("MAPI_E_NOT_FOUND: no store named 'x'", e.getMessage());
	}

	@Test
	void keepsTheCause() {
		IOException cause = new IOException("disk");
		MapiException e = new MapiException(ResultCode.MAPI_E_CALL_FAILED, "write failed", cause);
		assertSame(cause, e.getCause());
		assertEquals("write failed", e.sentence());
	}

	@Test
	void sentenceKeepsAColonInsideTheMessage() {
		MapiException e = new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "bad value: 7");
		assertEquals("bad value: 7", e.sentence());
	}

	@Test
	void refusesSuccessCodes() {
		IllegalArgumentException ok = assertThrows(IllegalArgumentException.class,
				() -> new MapiException(ResultCode.S_OK, "fine"));
		assertTrue(ok.getMessage().contains("S_OK"), ok.getMessage());
		assertThrows(IllegalArgumentException.class,
				() -> new MapiException(ResultCode.MAPI_W_ERRORS_RETURNED, "a warning is no failure"));
	}

	@Test
	void refusesANullCode() {
		assertThrows(NullPointerException.class, () -> new MapiException(null, "no code"));
	}
}

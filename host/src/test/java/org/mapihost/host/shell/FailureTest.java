package org.mapihost.host.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

class FailureTest {
	@Test
	void mapiExceptionGivesResultNameAndSentence() {
		MapiException e = new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "there is no profile named 'x'");
		assertEquals("Error: MAPI_E_LOGON_FAILED: there is no profile named 'x'", Failure.describe(e));
	}

	@Test
	void mapiExceptionIsFoundBehindWrappers() {
		MapiException e = new MapiException(ResultCode.MAPI_E_NOT_INITIALIZED, "call mapi:init first");
		Throwable wrapped = new InvocationTargetException(new IllegalStateException("failed", e));
		assertEquals("Error: MAPI_E_NOT_INITIALIZED: call mapi:init first", Failure.describe(wrapped));
	}

	@Test
	void otherExceptionsGiveClassAndMessage() {
		assertEquals("Error: IllegalArgumentException: Command not found: nosuchcommand",
				Failure.describe(new IllegalArgumentException("Command not found: nosuchcommand")));
	}

	@Test
	void reflectionWrapperIsNotTheStory() {
		Throwable wrapped = new InvocationTargetException(new UnsupportedOperationException("not yet"));
		assertEquals("Error: UnsupportedOperationException: not yet", Failure.describe(wrapped));
	}

	@Test
	void missingMessageLeavesTheClassAlone() {
		assertEquals("Error: NullPointerException", Failure.describe(new NullPointerException()));
	}
}

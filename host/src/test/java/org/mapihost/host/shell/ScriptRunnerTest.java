package org.mapihost.host.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
	@Test
	void timeoutDefaultsTo30Seconds() {
		assertEquals(30, ScriptRunner.timeoutSeconds(null));
		assertEquals(30, ScriptRunner.timeoutSeconds(" "));
	}

	@Test
	void timeoutIsSeconds() {
		assertEquals(5, ScriptRunner.timeoutSeconds(" 5 "));
		assertEquals(0, ScriptRunner.timeoutSeconds("0"));
	}

	@Test
	void badTimeoutIsFlagged() {
		assertEquals(-1, ScriptRunner.timeoutSeconds("soon"));
		assertEquals(-1, ScriptRunner.timeoutSeconds("-3"));
	}
}

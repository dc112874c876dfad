package org.mapihost.itests.soak;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The watchdog fires, with a thread dump, when nothing ticks; ticks keep it quiet. */
class WatchdogTest {

	@Test
	void firesWithAThreadDumpWhenNothingMoves() throws Exception {
		try (Watchdog watchdog = Watchdog.start(300, null)) {
			watchdog.step("waiting on purpose");
			assertTrue(watchdog.awaitFired(10_000), "the watchdog fired");
			assertTrue(watchdog.dump().contains("while waiting on purpose") && watchdog.dump().contains("\"soak-watchdog\""), watchdog::dump);
		}
	}

	@Test
	void staysQuietWhileTicksCome() throws Exception {
		try (Watchdog watchdog = Watchdog.start(1_000, null)) {
			for (int i = 0; i < 20; i++) {
				watchdog.tick();
				assertFalse(watchdog.awaitFired(100), "the watchdog fired although ticks came");
			}
		}
	}
}

package org.mapihost.host.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.host.launcher.Main.Options;

class MainTest {
	@Test
	void scriptOptionNamesTheFile() {
		Options options = Options.parse(new String[] { "--script", "demo.gosh" }, true);
		assertEquals("demo.gosh", options.script());
		assertFalse(options.help());
		assertArrayEquals(new String[0], options.launcherArgs());
	}

	@Test
	void scriptOptionWithEqualsSign() {
		assertEquals("demo.gosh", Options.parse(new String[] { "--script=demo.gosh" }, true).script());
	}

	@Test
	void scriptOptionWithoutFileIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] { "--script" }, true));
		assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] { "--script=" }, true));
	}

	@Test
	void standardInputThatIsNoTerminalIsTheScript() {
		assertEquals(Main.STDIN, Options.parse(new String[0], false).script());
	}

	@Test
	void terminalWithoutScriptIsInteractive() {
		assertNull(Options.parse(new String[0], true).script());
	}

	@Test
	void scriptFileWinsOverStandardInput() {
		assertEquals("x", Options.parse(new String[] { "--script", "x" }, false).script());
	}

	@Test
	void otherArgumentsGoToTheLauncher() {
		Options options = Options.parse(new String[] { "-x", "--script", "f", "y" }, true);
		assertArrayEquals(new String[] { "-x", "y" }, options.launcherArgs());
	}

	@Test
	void helpIsRecognised() {
		assertTrue(Options.parse(new String[] { "--help" }, true).help());
		assertTrue(Options.parse(new String[] { "-h" }, true).help());
	}

	@Test
	void unreadableScriptIsAUsageErrorBeforeAnythingStarts(@TempDir Path dir) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(new String[] { "--script", dir.resolve("missing.gosh").toString() },
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(Main.USAGE, code);
		assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: cannot read the script "), err::toString);
	}

	@Test
	void quietGoshHomeHasAnEmptyProfile() throws Exception {
		Path home = Main.quietGoshHome();
		Path profile = home.resolve("etc/gosh_profile");
		assertTrue(Files.isRegularFile(profile));
		assertTrue(Files.readAllLines(profile).stream().allMatch(line -> line.startsWith("#")));
	}

	@Test
	void demoRunsItsOwnScriptEvenFromAPipe() {
		Options options = Options.parse(new String[] { "--demo" }, false);
		assertTrue(options.demo());
		assertNull(options.script());
		assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] { "--demo", "--script", "x" }, true));
	}

	@Test
	void theDemoScriptShipsInTheJar() throws Exception {
		java.nio.file.Path script = Main.demoScript();
		assertTrue(java.nio.file.Files.readString(script).contains("mapi:send ms1 Bob"));
	}
}

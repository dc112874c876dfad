package org.mapihost.host.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFolderTest {
	@Test
	void missingFolderHasNoProfiles(@TempDir Path dir) throws Exception {
		assertTrue(new ProfileFolder(dir.resolve("etc")).profiles(ProfileFolderTest::unexpected).isEmpty());
	}

	@Test
	void profileFilesAndTheNamesTheyDeclare(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("org.mapihost.profile-work.cfg"), "name = office\nentries = store\n");
		Files.writeString(dir.resolve("org.mapihost.profile-my-test.cfg"), "name = \"quoted\"\n");
		Files.writeString(dir.resolve("org.mapihost.profile-nameless.cfg"), "entries = store\n");
		Files.writeString(dir.resolve("org.mapihost.other-x.cfg"), "name = not a profile\n");
		Files.writeString(dir.resolve("org.mapihost.profile-old.cfg.bak"), "name = backup\n");

		Map<String, String> expected = new HashMap<>();
		expected.put("work", "office");
		expected.put("my-test", "quoted");
		expected.put("nameless", null);
		assertEquals(expected, new ProfileFolder(dir).profiles(ProfileFolderTest::unexpected));
	}

	@Test
	void unreadableFilesAreReportedAndLeftOut(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("org.mapihost.profile-good.cfg"), "name = good\n");
		Files.writeString(dir.resolve("org.mapihost.profile-escape.cfg"), "name = bad\\u12\n");
		Files.write(dir.resolve("org.mapihost.profile-latin1.cfg"), new byte[] { 'n', 'a', 'm', 'e', '=', (byte) 0xE9, (byte) 0xFF });

		Map<Path, Exception> unreadable = new HashMap<>();
		assertEquals(Map.of("good", "good"), new ProfileFolder(dir).profiles(unreadable::put));
		assertEquals(Set.of(dir.resolve("org.mapihost.profile-escape.cfg"), dir.resolve("org.mapihost.profile-latin1.cfg")),
				unreadable.keySet());
		assertInstanceOf(IllegalArgumentException.class, unreadable.get(dir.resolve("org.mapihost.profile-escape.cfg")));
		assertInstanceOf(MalformedInputException.class, unreadable.get(dir.resolve("org.mapihost.profile-latin1.cfg")));
	}

	private static void unexpected(Path file, Exception e) {
		fail(file + " was reported unreadable: " + e);
	}
}

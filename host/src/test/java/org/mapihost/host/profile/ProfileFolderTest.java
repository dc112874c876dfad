package org.mapihost.host.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFolderTest {
	@Test
	void missingFolderHasNoProfiles(@TempDir Path dir) throws Exception {
		assertTrue(new ProfileFolder(dir.resolve("etc")).profiles().isEmpty());
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
		assertEquals(expected, new ProfileFolder(dir).profiles());
	}
}

package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

class FolderNameTest {
	@ParameterizedTest
	@ValueSource(strings = { "..", ".", "../etc", "a/b", "/etc", "\\\\server\\share", "C:\\temp", ".hidden",
			"Sent.Items", "a\u0000b", "tab\there", "new\nline", "bidi\u202Eexe", "", " ", " leading", "trailing ",
			"what?", "pipe|", "star*" })
	void refusesNamesThatCouldBePathsOrTricks(String name) {
		MapiException refused = assertThrows(MapiException.class, () -> FolderName.of(name));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, refused.code());
		assertTrue(refused.sentence().startsWith("a folder needs a name") || refused.sentence().contains("folder name"),
				refused.sentence());
	}

	@Test
	void refusesOverlongNames() {
		MapiException refused = assertThrows(MapiException.class, () -> FolderName.of("x".repeat(FolderName.MAX_LENGTH + 1)));
		assertTrue(refused.sentence().contains("longer than " + FolderName.MAX_LENGTH), refused.sentence());
		assertEquals(FolderName.MAX_LENGTH, FolderName.of("x".repeat(FolderName.MAX_LENGTH)).name().length());
	}

	@Test
	void acceptsOrdinaryNamesAndMapsThemToMaildirPlusPlusDirectories() {
		assertEquals(".Sent Items", FolderName.of("Sent Items").directoryName());
		assertEquals(".Projects 2024 (old)", FolderName.of("Projects 2024 (old)").directoryName());
		assertEquals(".Entwürfe", FolderName.of("Entwürfe").directoryName());
		assertEquals("", FolderName.INBOX.directoryName());
	}

	@Test
	void inboxInAnyCaseIsTheRoot() {
		assertSame(FolderName.INBOX, FolderName.of("INBOX"));
		assertSame(FolderName.INBOX, FolderName.of("inbox"));
		assertTrue(FolderName.of("inbox").isInbox());
	}

	@Test
	void directoryNamesOtherToolsMadeAreReadOnlyWhenThisStoreCouldHaveMadeThem() {
		assertEquals(FolderName.of("Archive"), FolderName.fromDirectoryName(".Archive"));
		assertNull(FolderName.fromDirectoryName(".Archive.2023"), "a nested Maildir++ folder");
		assertNull(FolderName.fromDirectoryName("..deleted-1"));
		assertNull(FolderName.fromDirectoryName("cur"));
		assertNull(FolderName.fromDirectoryName(".INBOX"));
		assertNull(FolderName.fromDirectoryName("."));
	}
}

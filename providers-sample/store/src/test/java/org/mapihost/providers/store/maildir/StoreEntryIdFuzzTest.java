package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The Maildir store's entry-ID data on any bytes: either {@code MAPI_E_INVALID_ENTRYID}, or an
 * entry whose encoding is the input byte for byte and whose folder and message name only paths
 * directly inside the store root ({@code <root>/.<folder>/cur/<name>}, the Inbox being the root
 * itself), never above it or beside it.
 */
class StoreEntryIdFuzzTest {
	private static final Path ROOT = Path.of("/srv/mail/alice/Maildir");

	@FuzzTest
	void entryIdsNameOnlyPathsInsideTheRootOrAreRefused(byte[] data) {
		StoreEntry entry;
		try {
			entry = StoreEntryIds.parse(data);
		} catch (MapiException e) {
			assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code(), e.toString());
			assertFalse(e.sentence().isBlank());
			return;
		}
		assertArrayEquals(data, StoreEntryIds.toBytes(entry), "only the canonical form parses");
		Path folder = ROOT.resolve(entry.folder().directoryName());
		assertEquals(folder, folder.normalize());
		assertTrue(entry.folder().isInbox() ? folder.equals(ROOT) : ROOT.equals(folder.getParent()), folder.toString());
		entry.message().ifPresent(message -> {
			Path file = folder.resolve(MaildirFolder.CUR).resolve(message.name());
			assertEquals(file, file.normalize());
			assertEquals(folder.resolve(MaildirFolder.CUR), file.getParent(), file.toString());
			assertEquals(message, MessageFileName.parse(message.name()).id(), "the file name reads back as the same message");
		});
	}
}

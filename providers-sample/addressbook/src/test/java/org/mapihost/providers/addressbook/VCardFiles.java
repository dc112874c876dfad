package org.mapihost.providers.addressbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/** vCard files for tests; each write gives the file a later modification time than the last. */
final class VCardFiles {
	static final String ALICE = card("FN:Alice Smith", "EMAIL:alice@example.org", "UID:alice");
	static final String BOB = card("FN:Bob Builder", "EMAIL:bob@example.org", "X-MAPIHOST-ADDRESS:PEER:bob", "UID:bob");
	static final String BOBBY = card("FN:Bobby Tables", "EMAIL;TYPE=work:bobby@school.example", "UID:bobby");
	static final String CAROL = card("FN:Carol Peer", "X-MAPIHOST-ADDRESS:PEER:carol", "UID:carol");
	static final String DAVE = card("FN:Dave", "EMAIL:dave@example.org", "UID:dave");
	static final String NO_ADDRESS = card("FN:Nora Noaddress", "UID:nora");
	/** No END:VCARD: the splitter cuts it off at the next BEGIN:VCARD. */
	static final String BROKEN = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Broken\r\n";

	private static final long SOME_TIME = 1_700_000_000_000L;
	private static long edits;

	private VCardFiles() {
	}

	static String card(String... properties) {
		return "BEGIN:VCARD\r\nVERSION:4.0\r\n" + String.join("\r\n", properties) + "\r\nEND:VCARD\r\n";
	}

	static Path write(Path file, String... cards) throws IOException {
		Files.write(file, String.join("", cards).getBytes(StandardCharsets.UTF_8));
		touch(file);
		return file;
	}

	/** Writes a new file beside it and renames it into place, so a reader sees the old or the new content. */
	static Path replace(Path file, String... cards) throws IOException {
		Path next = write(file.resolveSibling(file.getFileName() + ".new"), cards);
		return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static synchronized void touch(Path file) throws IOException {
		Files.setLastModifiedTime(file, FileTime.fromMillis(SOME_TIME + ++edits * 10_000L));
	}
}

package org.mapihost.host.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.osgi.service.log.Logger;

/**
 * The sample set-up's shared address book, {@code contacts.vcf} in the data folder: written once,
 * if missing, and never overwritten (an operator's edits stay). A data folder the host creates,
 * and the address book, are readable by their owner only, like the Maildirs inside.
 */
final class SampleData {
	static final String CONTACTS = "contacts.vcf";
	static final String CARDS = String.join("\r\n",
			"BEGIN:VCARD", "VERSION:4.0", "FN:Alice Liddell", "N:Liddell;Alice;;;", "EMAIL:alice@example.org",
			"X-MAPIHOST-ADDRESS:PEER:alice", "END:VCARD",
			"BEGIN:VCARD", "VERSION:4.0", "FN:Bob Builder", "N:Builder;Bob;;;", "EMAIL:bob@example.org",
			"X-MAPIHOST-ADDRESS:PEER:bob", "END:VCARD", "");

	private static final String DIRECTORY = "rwx------";

	private SampleData() {
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
	}

	static void writeIfMissing(Path data, Logger log) {
		Path contacts = data.resolve(CONTACTS);
		try {
			if (!Files.isDirectory(data)) {
				Files.createDirectories(data.toAbsolutePath().getParent());
				Files.createDirectory(data, ownerOnly(DIRECTORY));
			}
			if (Files.exists(contacts, LinkOption.NOFOLLOW_LINKS)) {
				log.debug("Sample address book {} exists; left as it is", contacts);
				return;
			}
			// A temporary file is created owner-only; moved into place whole, never over an existing book.
			Path written = Files.createTempFile(data, ".contacts-", ".tmp");
			try {
				Files.writeString(written, CARDS, StandardCharsets.UTF_8);
				Files.move(written, contacts);
				log.info("Wrote the sample address book {}", contacts);
			} finally {
				Files.deleteIfExists(written);
			}
		} catch (FileAlreadyExistsException e) {
			log.debug("Sample address book {} exists; left as it is", contacts);
		} catch (IOException e) {
			log.error("Cannot write the sample address book {}: {}", contacts, e.toString());
		}
	}
}

package org.mapihost.host.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.osgi.service.log.Logger;

/**
 * The sample set-up's shared address book, {@code contacts.vcf} in the data folder: written once,
 * if missing, and never overwritten (an operator's edits stay).
 */
final class SampleData {
	static final String CONTACTS = "contacts.vcf";
	static final String CARDS = String.join("\r\n",
			"BEGIN:VCARD", "VERSION:4.0", "FN:Alice Liddell", "N:Liddell;Alice;;;", "EMAIL:alice@example.org",
			"X-MAPIHOST-ADDRESS:PEER:alice", "END:VCARD",
			"BEGIN:VCARD", "VERSION:4.0", "FN:Bob Builder", "N:Builder;Bob;;;", "EMAIL:bob@example.org",
			"X-MAPIHOST-ADDRESS:PEER:bob", "END:VCARD", "");

	private SampleData() {
	}

	static void writeIfMissing(Path data, Logger log) {
		Path contacts = data.resolve(CONTACTS);
		try {
			Files.createDirectories(data);
			Files.writeString(contacts, CARDS, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			log.info("Wrote the sample address book {}", contacts);
		} catch (FileAlreadyExistsException e) {
			log.debug("Sample address book {} exists; left as it is", contacts);
		} catch (IOException e) {
			log.error("Cannot write the sample address book {}: {}", contacts, e.toString());
		}
	}
}

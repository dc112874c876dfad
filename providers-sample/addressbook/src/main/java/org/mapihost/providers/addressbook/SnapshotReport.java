package org.mapihost.providers.addressbook;

import java.nio.file.Path;

import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.providers.addressbook.vcard.CardProblem;
import org.mapihost.providers.addressbook.vcard.Contact;
import org.mapihost.providers.addressbook.vcard.ContactSnapshot;
import org.osgi.service.log.Logger;

/**
 * Tells what a read of the vCard file gave: in the log (each malformed card with its place in
 * the file, a refused file with the reason) and in the status row ({@code PR_STATUS_STRING}
 * counts the contacts and the malformed cards). Stateless.
 */
final class SnapshotReport {
	private SnapshotReport() {
	}

	/** The whole row, for {@code ModifyStatusRow} at logon. */
	static StatusRow row(String displayName, String providerDisplay, ContactSnapshot snapshot) {
		return StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, displayName)
				.set(StatusColumn.PR_PROVIDER_DISPLAY, providerDisplay)
				.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, statusString(snapshot))
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build();
	}

	/** The columns a new read changes, for {@code ModifyStatusRow} with {@code STATUSROW_UPDATE}. */
	static StatusRow update(ContactSnapshot snapshot) {
		return StatusRow.builder()
				.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, statusString(snapshot))
				.build();
	}

	/** For example {@code Available: 12 contacts loaded, 1 malformed card}. */
	static String statusString(ContactSnapshot snapshot) {
		int contacts = snapshot.contacts().size();
		int malformed = snapshot.problems().size();
		String counts = "Available: " + contacts + (contacts == 1 ? " contact" : " contacts") + " loaded, " + malformed
				+ (malformed == 1 ? " malformed card" : " malformed cards");
		return snapshot.refusal().map(refusal -> counts + "; " + refusal).orElse(counts);
	}

	/**
	 * Logs what is new in {@code current}: a new good read at info, each of its malformed cards
	 * at warning, a refusal at warning, and each part of a card that was left out at warning.
	 *
	 * @param previous the snapshot reported before, or null at logon
	 */
	static void log(Logger log, String name, Path file, ContactSnapshot previous, ContactSnapshot current) {
		if (previous == null || current.generation() != previous.generation()) {
			logRead(log, name, file, previous == null ? "read" : "read again", current);
		}
		current.refusal().filter(refusal -> previous == null || !refusal.equals(previous.refusal().orElse(null)))
				.ifPresent(refusal -> {
					if (current.generation() == 0) {
						log.warn("vCard address book '{}' is empty: {}", name, refusal);
					} else {
						log.warn("vCard address book '{}': {}", name, refusal);
					}
				});
	}

	private static void logRead(Logger log, String name, Path file, String what, ContactSnapshot snapshot) {
		if (snapshot.generation() == 0) {
			return;
		}
		log.info("vCard address book '{}' {} {}: {} contacts loaded, {} malformed cards", name, what, file,
				snapshot.contacts().size(), snapshot.problems().size());
		for (CardProblem problem : snapshot.problems()) {
			log.warn("vCard address book '{}': card {} of {}{} is malformed and was left out: {}", name, problem.index() + 1, file,
					problem.line().isPresent() ? " (line " + problem.line().getAsInt() + ")" : "", problem.message());
		}
		snapshot.fileWarnings().forEach(warning -> log.info("vCard address book '{}': {}: {}", name, file, warning));
		// A warning means part of a card was left out: the operator should see it without debug logging.
		for (Contact contact : snapshot.contacts()) {
			contact.warnings().forEach(warning -> log.warn("vCard address book '{}': card {} of {} ('{}'): {}", name,
					contact.index() + 1, file, contact.displayName(), warning));
		}
	}
}

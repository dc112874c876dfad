package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mapihost.api.MapiUid;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The address book's reading of a vCard file on any bytes: either the file is refused as a
 * whole with a {@link RefusedFileException} that says why, or it gives contacts that keep the
 * promises of {@link Contact} (a clean display name, valid addresses, one id each), a problem
 * for every card that did not load, the same result when read again, and entry IDs that decode
 * to the same contact and address. Nothing else escapes.
 */
class VCardFuzzTest {
	private static final MapiUid UID = MapiUid.parse("5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A");
	private static final int MAX_CARDS = 50;

	@FuzzTest
	void vCardFilesLoadOrAreRefusedWithAReason(byte[] file) {
		ContactSnapshot snapshot;
		try {
			snapshot = CardLoader.load(file, MAX_CARDS, 1);
		} catch (RefusedFileException e) {
			assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
			return;
		}
		Set<ContactId> ids = new HashSet<>();
		Set<Integer> indexes = new HashSet<>();
		for (Contact contact : snapshot.contacts()) {
			assertTrue(ids.add(contact.id()), "one contact per id");
			assertTrue(indexes.add(contact.index()), "one outcome per card");
			assertFalse(contact.displayName().isEmpty());
			assertEquals(contact.displayName().strip(), contact.displayName());
			assertTrue(contact.displayName().codePoints().noneMatch(Character::isISOControl), contact.displayName());
			contact.emails().forEach(email -> assertTrue(SmtpAddress.isValid(email.address()), email.address()));
			assertEquals(contact.id(), EntryIdCodec.fromEntryId(EntryIdCodec.toEntryId(UID, contact.id()), UID));
			contact.address().ifPresent(address -> assertEquals(address,
					EntryIdCodec.fromEntryId(EntryIdCodec.toEntryId(UID, address), UID), "a one-off entry ID of the contact's address"));
			assertTrue(contact.line() >= 1);
		}
		for (CardProblem problem : snapshot.problems()) {
			assertTrue(indexes.add(problem.index()), "one outcome per card: " + problem);
			assertFalse(problem.message().isBlank());
		}
		assertTrue(indexes.stream().allMatch(index -> index >= 0 && index < MAX_CARDS), "indexes: " + indexes);
		assertEquals(contactIds(snapshot), contactIds(load(file)), "read again: the same contacts");
	}

	private static ContactSnapshot load(byte[] file) {
		try {
			return CardLoader.load(file, MAX_CARDS, 2);
		} catch (RefusedFileException e) {
			throw new AssertionError("read again, refused: " + e.getMessage(), e);
		}
	}

	private static List<ContactId> contactIds(ContactSnapshot snapshot) {
		return snapshot.contacts().stream().map(Contact::id).toList();
	}
}

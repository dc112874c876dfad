package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.addressbook.vcard.Cards.card;
import static org.mapihost.providers.addressbook.vcard.Cards.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactFileTest {
	private static final String ALICE = card("VERSION:4.0", "FN:Alice", "EMAIL:alice@example.org");
	private static final String BOB = card("VERSION:4.0", "FN:Bob", "EMAIL:bob@example.org");
	private static final String CAROL = card("VERSION:4.0", "FN:Carol", "EMAIL:carol@example.org");
	private static final String ROB = card("VERSION:4.0", "FN:Rob", "EMAIL:rob@example.org");
	private static final long SOME_TIME = 1_700_000_000_000L;

	private int edits;

	@TempDir
	Path dir;

	@Test
	void readsTheFileOnceWhileItDoesNotChange() throws IOException {
		Path path = write(dir.resolve("contacts.vcf"), ALICE, BOB);
		ContactFile file = new ContactFile(path);

		ContactSnapshot first = file.contacts();
		assertEquals(List.of("Alice", "Bob"), names(first));
		assertEquals(1, first.generation());
		assertEquals(Optional.empty(), first.refusal());
		assertEquals(first, file.contacts(), "unchanged file, same snapshot");
		assertEquals(2, file.reload().generation(), "reload reads even so");
	}

	@Test
	void seesAChangedFileOfTheSameSize() throws IOException {
		Path path = write(dir.resolve("contacts.vcf"), ALICE, BOB);
		ContactFile file = new ContactFile(path);
		assertEquals(List.of("Alice", "Bob"), names(file.contacts()));

		write(path, ALICE, ROB);

		ContactSnapshot changed = file.contacts();
		assertEquals(List.of("Alice", "Rob"), names(changed));
		assertEquals(2, changed.generation());
	}

	@Test
	void seesAFileReplacedByARename() throws IOException {
		Path path = write(dir.resolve("contacts.vcf"), ALICE);
		ContactFile file = new ContactFile(path);
		assertEquals(List.of("Alice"), names(file.contacts()));

		Path next = write(dir.resolve("contacts.vcf.new"), BOB, CAROL);
		Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

		assertEquals(List.of("Bob", "Carol"), names(file.contacts()));
	}

	@Test
	void keepsTheContactsWhenTheNewFileIsGarbageAndRecoversWhenItIsFixed() throws IOException {
		Path path = write(dir.resolve("contacts.vcf"), ALICE, BOB);
		ContactFile file = new ContactFile(path);
		file.contacts();

		Files.write(path, new byte[] { 0, 1, 2, (byte) 0xFF, '\n', 'x', 'y' });
		touch(path);
		ContactSnapshot kept = file.contacts();

		assertEquals(List.of("Alice", "Bob"), names(kept));
		assertEquals(1, kept.generation());
		String refusal = kept.refusal().orElseThrow();
		assertTrue(refusal.contains("not a vCard file") && refusal.contains("2 contact(s) of the last good read kept"), refusal);

		write(path, CAROL);
		ContactSnapshot fixed = file.contacts();
		assertEquals(List.of("Carol"), names(fixed));
		assertEquals(Optional.empty(), fixed.refusal());
	}

	@Test
	void keepsTheContactsWhenTheFileIsDeleted() throws IOException {
		Path path = write(dir.resolve("contacts.vcf"), ALICE);
		ContactFile file = new ContactFile(path);
		file.contacts();

		Files.delete(path);

		ContactSnapshot kept = file.contacts();
		assertEquals(List.of("Alice"), names(kept));
		assertTrue(kept.refusal().orElseThrow().contains("does not exist"), kept.refusal().get());
	}

	@Test
	void aMissingFileAtFirstIsEmptyAndSaysWhy() {
		ContactSnapshot snapshot = new ContactFile(dir.resolve("none.vcf")).contacts();
		assertEquals(List.of(), snapshot.contacts());
		assertEquals(0, snapshot.generation());
		assertTrue(snapshot.refusal().orElseThrow().contains("does not exist"), snapshot.refusal().get());
	}

	@Test
	void refusesAFileOverTheSizeLimit() throws IOException {
		Path path = write(dir.resolve("contacts.vcf"), ALICE);
		int limit = (int) Files.size(path);
		ContactFile file = new ContactFile(path, limit, 100);
		assertEquals(List.of("Alice"), names(file.contacts()));

		write(path, ALICE, BOB);

		ContactSnapshot kept = file.contacts();
		assertEquals(List.of("Alice"), names(kept));
		assertTrue(kept.refusal().orElseThrow().contains("more than the limit of " + limit), kept.refusal().get());
	}

	@Test
	void refusesAFileWithTooManyCards() throws IOException {
		ContactFile file = new ContactFile(write(dir.resolve("contacts.vcf"), ALICE, BOB, CAROL), 1_000_000, 2);
		ContactSnapshot snapshot = file.contacts();
		assertEquals(List.of(), snapshot.contacts());
		assertTrue(snapshot.refusal().orElseThrow().contains("more than 2 cards"), snapshot.refusal().get());
	}

	@Test
	void reportsMalformedCardsAndLoadsTheRest() throws IOException {
		ContactFile file = new ContactFile(write(dir.resolve("contacts.vcf"), ALICE, "BEGIN:VCARD\r\nFN:Broken\r\n", BOB));
		ContactSnapshot snapshot = file.contacts();
		assertEquals(List.of("Alice", "Bob"), names(snapshot));
		assertEquals(List.of(1), snapshot.problems().stream().map(CardProblem::index).toList());
		assertEquals(Optional.empty(), snapshot.refusal());
	}

	@Test
	void refusesADirectory() {
		ContactSnapshot snapshot = new ContactFile(dir).contacts();
		assertTrue(snapshot.refusal().orElseThrow().contains("not a regular file"), snapshot.refusal().get());
	}

	@Test
	void rejectsBadLimits() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContactFile(dir, 0, 1));
		assertTrue(e.getMessage().contains("got 0"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> new ContactFile(dir, 1, -3));
		assertTrue(e.getMessage().contains("got -3"), e.getMessage());
	}

	private static List<String> names(ContactSnapshot snapshot) {
		return snapshot.contacts().stream().map(Contact::displayName).toList();
	}

	/** Writes the file in place and gives it a later time than the last edit, whatever the clock's resolution. */
	private Path write(Path path, String... cards) throws IOException {
		Files.write(path, utf8(cards));
		touch(path);
		return path;
	}

	private void touch(Path path) throws IOException {
		Files.setLastModifiedTime(path, FileTime.fromMillis(SOME_TIME + ++edits * 10_000L));
	}
}

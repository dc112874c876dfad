package org.mapihost.providers.addressbook.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.addressbook.vcard.Cards.card;
import static org.mapihost.providers.addressbook.vcard.Cards.utf8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CardLoaderTest {
	private static final String ALICE = card("VERSION:4.0", "UID:urn:uuid:alice", "FN:Alice Smith",
			"EMAIL;TYPE=work:alice@work.example", "EMAIL;TYPE=home;PREF=1:alice@home.example");
	private static final String BOB = card("VERSION:3.0", "N:Jones;Bob;;Dr.;", "EMAIL;TYPE=INTERNET,HOME,pref:bob@example.org");
	private static final String CAROL = card("VERSION:2.1", "FN:Carol", "EMAIL;INTERNET:carol@example.org");

	@Test
	void loadsEveryCardWithNameEmailsAndTypes() throws Exception {
		ContactSnapshot snapshot = CardLoader.load(utf8(ALICE, BOB, CAROL), 100, 1);

		assertEquals(List.of(), snapshot.problems());
		List<Contact> contacts = snapshot.contacts();
		assertEquals(List.of("Alice Smith", "Dr. Bob Jones", "Carol"), contacts.stream().map(Contact::displayName).toList());
		assertEquals(List.of(0, 1, 2), contacts.stream().map(Contact::index).toList());
		assertEquals(List.of(1, 8, 13), contacts.stream().map(Contact::line).toList());
		assertEquals(List.of(new EmailAddress("alice@work.example", Set.of("work"), false),
				new EmailAddress("alice@home.example", Set.of("home"), true)), contacts.get(0).emails());
		assertEquals("alice@home.example", contacts.get(0).primaryEmail().orElseThrow().address());
		assertEquals(new EmailAddress("bob@example.org", Set.of("internet", "home"), true), contacts.get(1).emails().get(0));
		assertEquals(Set.of("internet"), contacts.get(2).emails().get(0).types());
		assertEquals(contacts.get(1), snapshot.find(contacts.get(1).id()).orElseThrow());
	}

	/** The address book has no use for XML properties; parsing them would print on standard error and reach for DTDs. */
	@Test
	void xmlPropertiesAreNotParsed() throws Exception {
		String xml = card("VERSION:4.0", "FN:Xavier", "EMAIL:x@example.org", "XML:<not xml",
				"XML:<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>");
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		PrintStream original = System.err;
		ContactSnapshot snapshot;
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		try {
			snapshot = CardLoader.load(utf8(xml), 100, 1);
		} finally {
			System.setErr(original);
		}
		assertEquals(List.of("Xavier"), snapshot.contacts().stream().map(Contact::displayName).toList());
		assertEquals("", stderr.toString(StandardCharsets.UTF_8), "nothing on standard error");
		assertEquals(List.of(), snapshot.contacts().get(0).warnings());
	}

	@Test
	void deeplyNestedAgentCardsLoadWithoutRunningOutOfStack() throws Exception {
		int depth = 20_000;
		StringBuilder nested = new StringBuilder();
		nested.append("BEGIN:VCARD\nVERSION:2.1\nFN:Agent 0\n");
		for (int i = 1; i < depth; i++) {
			nested.append("AGENT:\nBEGIN:VCARD\nVERSION:2.1\nFN:Agent ").append(i).append('\n');
		}
		nested.append("END:VCARD\n".repeat(depth));
		ContactSnapshot snapshot = CardLoader.load(utf8(nested.toString(), CAROL), 100, 1);
		assertEquals(List.of("Agent 0", "Carol"), snapshot.contacts().stream().map(Contact::displayName).toList());
		assertEquals(List.of(), snapshot.problems());
	}

	@Test
	void idComesFromTheUidElseFromTheCardText() throws Exception {
		List<Contact> contacts = CardLoader.load(utf8(ALICE, CAROL), 100, 1).contacts();
		assertEquals(ContactId.fromUid("urn:uuid:alice"), contacts.get(0).id());
		assertEquals(ContactId.fromCardText(CAROL), contacts.get(1).id());

		String aliceRenamed = ALICE.replace("FN:Alice Smith", "FN:Alice Jones");
		String carolRenamed = CAROL.replace("FN:Carol", "FN:Caroline");
		List<Contact> edited = CardLoader.load(utf8(aliceRenamed, carolRenamed.replace("\r\n", "\n")), 100, 2).contacts();
		assertEquals(contacts.get(0).id(), edited.get(0).id(), "same UID, same id");
		assertNotEquals(contacts.get(1).id(), edited.get(1).id(), "other text without UID, other id");
		assertEquals(ContactId.fromCardText(carolRenamed), edited.get(1).id(), "line ends do not change the id");
	}

	@Test
	void malformedCardsAreReportedOneByOneAndTheOthersLoad() throws Exception {
		String noEnd = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lost End\r\n";
		String noName = card("VERSION:4.0", "NOTE:nothing to address");
		byte[] latin1 = card("VERSION:4.0", "FN:Jos\u00e9").getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(utf8(ALICE, noEnd, BOB, noName));
		file.writeBytes(latin1);
		file.writeBytes(utf8(CAROL, ALICE.replace("FN:Alice Smith", "FN:Alice Twice")));

		ContactSnapshot snapshot = CardLoader.load(file.toByteArray(), 100, 1);

		assertEquals(List.of("Alice Smith", "Dr. Bob Jones", "Carol"), snapshot.contacts().stream().map(Contact::displayName).toList());
		assertEquals(List.of(0, 2, 5), snapshot.contacts().stream().map(Contact::index).toList());
		List<CardProblem> problems = snapshot.problems();
		assertEquals(List.of(1, 3, 4, 6), problems.stream().map(CardProblem::index).toList(), problems.toString());
		assertEquals(OptionalInt.of(8), problems.get(0).line());
		assertTrue(problems.get(0).message().contains("no END:VCARD"), problems.get(0).message());
		assertTrue(problems.get(1).message().contains("no FN, no N and no valid EMAIL"), problems.get(1).message());
		assertEquals(OptionalInt.of(22), problems.get(2).line(), "the line of the bad byte");
		assertTrue(problems.get(2).message().contains("not UTF-8"), problems.get(2).message());
		assertTrue(problems.get(3).message().contains("same id as card 0"), problems.get(3).message());
	}

	@Test
	void parseWarningsStayWithTheirCardWithLinesOfTheFile() throws Exception {
		String odd = card("VERSION:4.0", "FN:Odd", "this line has no colon", "BDAY:not a date", "EMAIL:not-an-address",
				"EMAIL:odd@example.org");

		List<Contact> contacts = CardLoader.load(utf8(CAROL, odd), 100, 1).contacts();

		assertEquals(List.of(), contacts.get(0).warnings());
		List<CardWarning> warnings = contacts.get(1).warnings();
		assertEquals(3, warnings.size(), warnings.toString());
		assertEquals(OptionalInt.of(9), warnings.get(0).line());
		assertTrue(warnings.get(0).message().contains("this line has no colon"), warnings.get(0).message());
		assertEquals(OptionalInt.of(10), warnings.get(1).line());
		assertTrue(warnings.get(1).message().startsWith("(ez-vcard 6) BDAY"), warnings.get(1).message());
		assertTrue(warnings.get(2).message().contains("'not-an-address' is not an SMTP address"), warnings.get(2).message());
		assertEquals(List.of("odd@example.org"), contacts.get(1).emails().stream().map(EmailAddress::address).toList());
	}

	@Test
	void aNestedAgentCardOfVersion21IsPartOfItsCard() throws Exception {
		String withAgent = card("VERSION:2.1", "FN:Boss", "EMAIL:boss@example.org", "AGENT:", "BEGIN:VCARD", "VERSION:2.1",
				"FN:Assistant", "END:VCARD");

		ContactSnapshot snapshot = CardLoader.load(utf8(withAgent, CAROL), 100, 1);

		assertEquals(List.of(), snapshot.problems());
		assertEquals(List.of("Boss", "Carol"), snapshot.contacts().stream().map(Contact::displayName).toList());
	}

	@Test
	void linesOutsideCardsAreReportedOnce() throws Exception {
		ContactSnapshot snapshot = CardLoader.load(utf8("\uFEFFstray\r\n\r\n", CAROL, "more\r\nstray\r\n"), 100, 1);

		assertEquals(1, snapshot.contacts().size());
		assertEquals(List.of(new CardWarning(OptionalInt.of(1),
				"3 line(s) outside BEGIN:VCARD ... END:VCARD ignored, the first on line 1")), snapshot.fileWarnings());
	}

	@Test
	void emptyContentIsAnEmptyAddressBook() throws Exception {
		ContactSnapshot snapshot = CardLoader.load(utf8("\r\n  \r\n"), 100, 1);
		assertEquals(List.of(), snapshot.contacts());
		assertEquals(List.of(), snapshot.problems());
		assertFalse(snapshot.refusal().isPresent());
	}

	@Test
	void refusesContentWithoutAnyCard() {
		byte[] garbage = new byte[4096];
		new Random(4).nextBytes(garbage);
		RefusedFileException e = assertThrows(RefusedFileException.class, () -> CardLoader.load(garbage, 100, 1));
		assertTrue(e.getMessage().contains("not a vCard file"), e.getMessage());
	}

	@Test
	void refusesContentWhoseCardsAllFail() {
		String noName = card("VERSION:4.0", "NOTE:x");
		RefusedFileException e = assertThrows(RefusedFileException.class, () -> CardLoader.load(utf8(noName, noName), 100, 1));
		assertTrue(e.getMessage().startsWith("none of its 2 card(s) loads"), e.getMessage());
	}

	@Test
	void refusesMoreCardsThanTheLimit() throws Exception {
		assertEquals(3, CardLoader.load(utf8(ALICE, BOB, CAROL), 3, 1).contacts().size());
		RefusedFileException e = assertThrows(RefusedFileException.class, () -> CardLoader.load(utf8(ALICE, BOB, CAROL), 2, 1));
		assertTrue(e.getMessage().contains("more than 2 cards"), e.getMessage());
	}
}

package org.mapihost.providers.addressbook.vcard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the content of a vCard file into a {@link ContactSnapshot}: cuts it into cards, parses
 * each, and reports a card whose id is already taken (same UID, or same text without UID).
 * Refuses content that is not blank but has no card, and content whose cards all fail: such
 * a file cannot be read at all, and the caller keeps what it had.
 */
final class CardLoader {
	private CardLoader() {
	}

	static ContactSnapshot load(byte[] content, int maxCards, long generation) throws RefusedFileException {
		CardSplitter.Result split = CardSplitter.split(content, maxCards);
		int cardCount = split.cards().size() + split.problems().size();
		if (cardCount == 0 && !split.fileWarnings().isEmpty()) {
			throw new RefusedFileException("it has no BEGIN:VCARD line: not a vCard file");
		}
		List<Contact> contacts = new ArrayList<>();
		List<CardProblem> problems = new ArrayList<>(split.problems());
		Map<ContactId, Contact> seen = new HashMap<>();
		for (RawCard raw : split.cards()) {
			CardParser.Outcome outcome = CardParser.parse(raw);
			if (outcome.problem() != null) {
				problems.add(outcome.problem());
				continue;
			}
			Contact first = seen.putIfAbsent(outcome.contact().id(), outcome.contact());
			if (first != null) {
				problems.add(new CardProblem(raw.index(), OptionalInt.of(raw.firstLine()), "the card has the same id as card "
						+ first.index() + " on line " + first.line() + " (same UID, or same text and no UID); left out"));
			} else {
				contacts.add(outcome.contact());
			}
		}
		problems.sort(Comparator.comparingInt(CardProblem::index));
		if (contacts.isEmpty() && !problems.isEmpty()) {
			throw new RefusedFileException("none of its " + cardCount + " card(s) loads; the first problem: " + problems.get(0));
		}
		return new ContactSnapshot(generation, contacts, problems, split.fileWarnings(), null);
	}
}

package org.mapihost.providers.addressbook.vcard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contacts of a vCard file as last read, with what did not load. Immutable.
 * <p>
 * {@code generation} counts the good reads of the file: 0 before the first, then 1, 2, … ; a
 * refused read does not count. {@code refusal} says why the file's current content was not used
 * (missing, too large, not vCard, …); the contacts are then those of the last good read.
 */
public final class ContactSnapshot {
	static final ContactSnapshot EMPTY = new ContactSnapshot(0, List.of(), List.of(), List.of(), null);

	private final long generation;
	private final List<Contact> contacts;
	private final Map<ContactId, Contact> byId;
	private final List<CardProblem> problems;
	private final List<CardWarning> fileWarnings;
	private final String refusal;

	ContactSnapshot(long generation, List<Contact> contacts, List<CardProblem> problems, List<CardWarning> fileWarnings,
			String refusal) {
		this.generation = generation;
		this.contacts = List.copyOf(contacts);
		this.byId = this.contacts.stream().collect(Collectors.toUnmodifiableMap(Contact::id, Function.identity()));
		this.problems = List.copyOf(problems);
		this.fileWarnings = List.copyOf(fileWarnings);
		this.refusal = refusal;
	}

	public long generation() {
		return generation;
	}

	/** In the order of the file. */
	public List<Contact> contacts() {
		return contacts;
	}

	public Optional<Contact> find(ContactId id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** The cards that did not load, in the order of the file. */
	public List<CardProblem> problems() {
		return problems;
	}

	/** What concerns the file rather than one card, such as lines outside any card. */
	public List<CardWarning> fileWarnings() {
		return fileWarnings;
	}

	public Optional<String> refusal() {
		return Optional.ofNullable(refusal);
	}

	ContactSnapshot refused(String why) {
		return new ContactSnapshot(generation, contacts, problems, fileWarnings, why);
	}

	@Override
	public String toString() {
		return "ContactSnapshot[generation " + generation + ", " + contacts.size() + " contacts, " + problems.size() + " problems"
				+ (refusal == null ? "" : ", refused: " + refusal) + "]";
	}
}

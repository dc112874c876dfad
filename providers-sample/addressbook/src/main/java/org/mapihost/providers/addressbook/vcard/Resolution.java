package org.mapihost.providers.addressbook.vcard;

import java.util.List;
import java.util.Objects;

/**
 * What a typed name resolved to ({@code IABContainer::ResolveNames}): one contact, several,
 * a one-off address, or nothing. Immutable.
 */
public sealed interface Resolution {
	/** The name as typed. */
	String name();

	/** Whether this is a one-off address rather than an entry of the file. */
	default boolean isOneOff() {
		return this instanceof OneOff;
	}

	record Unique(String name, Contact contact) implements Resolution {
		public Unique {
			Objects.requireNonNull(contact, "contact");
		}
	}

	/** @param candidates at least two, ordered by display name */
	record Ambiguous(String name, List<Contact> candidates) implements Resolution {
		public Ambiguous {
			candidates = List.copyOf(candidates);
			if (candidates.size() < 2) {
				throw new IllegalArgumentException("an ambiguous name has two or more candidates, got " + candidates.size());
			}
		}
	}

	record OneOff(String name, OneOffAddress address) implements Resolution {
		public OneOff {
			Objects.requireNonNull(address, "address");
		}
	}

	/** @param reason why nothing matched, as a sentence */
	record Unresolved(String name, String reason) implements Resolution {
	}
}

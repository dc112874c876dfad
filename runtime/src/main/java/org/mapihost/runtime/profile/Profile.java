package org.mapihost.runtime.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A MAPI profile: a name and its provider entries, in order. Immutable. */
public record Profile(String name, List<Entry> entries) {
	/** One provider entry of a profile. */
	public record Entry(String name, String providerName, Map<String, String> settings) {
		public Entry {
			settings = Map.copyOf(settings);
		}
	}

	public Profile {
		entries = List.copyOf(entries);
	}

	public Optional<Entry> entry(String entryName) {
		return entries.stream().filter(e -> e.name().equals(entryName)).findFirst();
	}
}

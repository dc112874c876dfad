package org.mapihost.runtime.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A MAPI profile: a name and its provider entries, in order. Immutable. */
public record Profile(String name, List<Entry> entries) {
	/** One provider entry of a profile; {@link #toString()} shows the settings' keys, never their values (secrets). */
	public record Entry(String name, String providerName, Map<String, String> settings) {
		public Entry {
			settings = Map.copyOf(settings);
		}

		@Override
		public String toString() {
			return "Entry[name=" + name + ", providerName=" + providerName + ", settings=" + new TreeSet<>(settings.keySet()) + "]";
		}
	}

	public Profile {
		entries = List.copyOf(entries);
	}

	public Optional<Entry> entry(String entryName) {
		return entries.stream().filter(e -> e.name().equals(entryName)).findFirst();
	}
}

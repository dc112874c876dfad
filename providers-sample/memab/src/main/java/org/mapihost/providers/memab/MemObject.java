package org.mapihost.providers.memab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.mapihost.api.EntryId;
import org.mapihost.api.provider.PropObject;

/**
 * An opened address-book object: a mail user or the root container. Immutable.
 */
record MemObject(EntryId entryId, int objectType, Map<String, Object> properties) implements PropObject {
	MemObject {
		Objects.requireNonNull(entryId, "entryId");
		properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
	}

	/** Properties in the order given, as {@code name, value, name, value, …}. */
	static Map<String, Object> properties(Object... namesAndValues) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return properties;
	}

	/** Each {@code openEntry} returns its own object, as the runtime releases each once. */
	MemObject copy() {
		return new MemObject(entryId, objectType, properties);
	}
}

package org.mapihost.providers.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.mapihost.api.EntryId;
import org.mapihost.api.provider.PropObject;

/**
 * A folder or message as {@code OpenEntry} hands it out: its properties as they were when it
 * was opened. Each open is its own object (identity matters: the runtime releases each once);
 * it tells its {@link OpenObjects} when released. Immutable apart from that.
 */
final class StoreObject implements PropObject {
	static final int MAPI_FOLDER = 3;
	static final int MAPI_MESSAGE = 5;

	private final EntryId entryId;
	private final int objectType;
	private final Map<String, Object> properties;
	private final OpenObjects owner;

	StoreObject(EntryId entryId, int objectType, Map<String, Object> properties, OpenObjects owner) {
		this.entryId = Objects.requireNonNull(entryId, "entryId");
		this.objectType = objectType;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		this.owner = owner;
	}

	@Override
	public EntryId entryId() {
		return entryId;
	}

	@Override
	public int objectType() {
		return objectType;
	}

	@Override
	public Map<String, Object> properties() {
		return properties;
	}

	@Override
	public void release() {
		owner.released(this);
	}

	@Override
	public String toString() {
		return (objectType == MAPI_FOLDER ? "folder " : "message ") + properties.getOrDefault("PR_DISPLAY_NAME",
				properties.getOrDefault("PR_SUBJECT", "")) + " (" + entryId + ")";
	}
}

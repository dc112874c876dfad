package org.mapihost.itests.lib;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiUid;
import org.mapihost.api.provider.PropObject;

/** An object a library logon opened: it says which entry opened it and which version served it. */
final class LibEntry implements PropObject {
	/** The property that names the serving version. */
	static final String VERSION = "version";

	private final EntryId entryId;
	private final int objectType;
	private final Map<String, Object> properties;

	LibEntry(EntryId requested, MapiUid uid, int objectType, String entryName, String display) {
		this.entryId = requested != null ? requested : EntryId.of(uid, entryName.getBytes(StandardCharsets.UTF_8));
		this.objectType = objectType;
		this.properties = Map.of("PR_DISPLAY_NAME", entryName, "PR_PROVIDER_DISPLAY", display + " " + Probe.VERSION,
				VERSION, Probe.VERSION);
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
}

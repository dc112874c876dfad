package org.mapihost.itests.faulty.internal;

import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.provider.PropObject;

/** What a faulty logon opens by entry ID: its entry ID and the name of the profile entry that opened it. */
record FaultyEntry(EntryId entryId, int objectType, String openedBy) implements PropObject {
	@Override
	public Map<String, Object> properties() {
		return Map.of("PR_DISPLAY_NAME", openedBy);
	}

	@Override
	public void release() {
	}
}

package org.mapihost.itests.recording.internal;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mapihost.api.EntryId;
import org.mapihost.api.provider.PropObject;
import org.mapihost.itests.recording.RecordingProviders;

/**
 * An object a recording logon opened by entry ID. Its {@link RecordingProviders#OPENED_BY}
 * property names the profile entry whose logon opened it, so a test sees where the runtime
 * routed the entry ID.
 */
final class RecordedEntry implements PropObject {
	private final Journal journal;
	private final String provider;
	private final String id;
	private final EntryId entryId;
	private final int objectType;
	private final String openedBy;
	private final AtomicBoolean released = new AtomicBoolean();

	RecordedEntry(Journal journal, String provider, String id, EntryId entryId, int objectType, String openedBy) {
		this.journal = journal;
		this.provider = provider;
		this.id = id;
		this.entryId = entryId;
		this.objectType = objectType;
		this.openedBy = openedBy;
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
		if (released.get()) {
			journal.problem(provider, id, "IMAPIProp::GetProps after Release");
		}
		return Map.of(RecordingProviders.OPENED_BY, openedBy,
				"PR_RECORD_KEY", HexFormat.of().withUpperCase().formatHex(entryId.providerData()));
	}

	@Override
	public void release() {
		journal.record(provider, id, "IMAPIProp::Release", "");
		if (!released.compareAndSet(false, true)) {
			journal.problem(provider, id, "IMAPIProp::Release twice");
		}
	}
}

package org.mapihost.runtime.session;

import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.provider.PropObject;

/** The client's handle on an object opened by entry ID; an entry of a store keeps the store alive. */
final class EntryHandle extends HandleBase implements MapiEntry {
	final Logon logon;
	final PropObject object;
	private final EntryId entryId;

	EntryHandle(String id, Logon logon, PropObject object, EntryId entryId) {
		super(id);
		this.logon = logon;
		this.object = object;
		this.entryId = entryId;
	}

	@Override
	public EntryId entryId() {
		checkValid();
		return entryId;
	}

	@Override
	public int objectType() {
		checkValid();
		return logon.session.entryCall(this, "objectType", object::objectType);
	}

	@Override
	public Map<String, Object> properties() {
		checkValid();
		return Map.copyOf(logon.session.entryCall(this, "GetProps", object::properties));
	}

	@Override
	void lastReleased() {
		logon.session.entryReleased(this);
	}
}

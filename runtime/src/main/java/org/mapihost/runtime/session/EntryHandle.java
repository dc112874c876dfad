package org.mapihost.runtime.session;

import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.provider.PropObject;

/** The client's handle on an object opened by entry ID; an entry of a store keeps the store alive. */
final class EntryHandle extends HandleBase implements MapiEntry {
	final Logon logon;
	private PropObject object;
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
		PropObject target = object();
		return logon.session.entryCall(this, "objectType", target::objectType);
	}

	@Override
	public Map<String, Object> properties() {
		checkValid();
		PropObject target = object();
		return Map.copyOf(logon.session.entryCall(this, "GetProps", target::properties));
	}

	/** The provider's object, until the runtime released it; then the handle is invalid. */
	synchronized PropObject object() {
		checkValid();
		return object;
	}

	/** Hands the provider's object over for its release and forgets it. */
	synchronized PropObject takeObject() {
		PropObject taken = object;
		object = null;
		return taken;
	}

	@Override
	void lastReleased() {
		logon.session.entryReleased(this);
	}
}

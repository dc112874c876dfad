package org.mapihost.runtime.session;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MsgStore;

/**
 * The client's {@code IMsgStore}. The store is shut down when the last client reference and
 * the last open child object (entry) are both gone. Concurrency: {@code this} guards
 * {@code children} and {@code closed}.
 */
final class StoreHandle extends HandleBase implements MsgStore {
	final Logon logon;
	private int children;
	private boolean closed;

	StoreHandle(String id, Logon logon) {
		super(id);
		this.logon = logon;
	}

	@Override
	public String name() {
		return logon.entry.name();
	}

	@Override
	public int storeLogoff(int flag) {
		checkValid();
		return logon.session.storeLogoff(this, flag);
	}

	@Override
	public MapiEntry openEntry(EntryId entryId, int flags) {
		checkValid();
		return logon.session.openStoreEntry(this, entryId, flags);
	}

	synchronized void childOpened() {
		children++;
	}

	void childReleased() {
		boolean close;
		synchronized (this) {
			children--;
			close = children == 0 && references() == 0;
		}
		if (close) {
			logon.session.closeStore(this);
		}
	}

	@Override
	void lastReleased() {
		boolean close;
		synchronized (this) {
			close = children == 0;
		}
		if (close) {
			logon.session.closeStore(this);
		}
	}

	/** Marks the store closed; returns false when it already was. */
	synchronized boolean markClosed() {
		if (closed) {
			return false;
		}
		closed = true;
		return true;
	}

	synchronized int children() {
		return children;
	}

	@Override
	public String toString() {
		return id() + " (store " + name() + ", " + references() + " references)";
	}
}

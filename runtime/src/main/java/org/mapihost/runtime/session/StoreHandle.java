package org.mapihost.runtime.session;

import java.util.List;
import java.util.function.Function;

import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.provider.MessageStore;

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

	@Override
	public List<FolderRow> folders() {
		return call("IMsgStore::GetHierarchyTable", MessageStore::folders);
	}

	@Override
	public EntryId folder(String name) {
		return call("IMsgStore::OpenFolder", store -> store.folder(name));
	}

	@Override
	public EntryId createFolder(String name) {
		return call("IMAPIFolder::CreateFolder", store -> store.createFolder(name));
	}

	@Override
	public void deleteFolder(EntryId folder) {
		call("IMAPIFolder::DeleteFolder", store -> {
			store.deleteFolder(folder);
			return null;
		});
	}

	@Override
	public List<MessageRow> contents(EntryId folder) {
		return call("IMAPIFolder::GetContentsTable", store -> store.contents(folder));
	}

	@Override
	public EntryId saveMessage(EntryId folder, Message message) {
		return call("IMessage::SaveChanges", store -> store.saveMessage(folder, message));
	}

	@Override
	public Message readMessage(EntryId message) {
		return call("IMessage::GetProps", store -> store.readMessage(message));
	}

	@Override
	public void setReadFlag(EntryId message, boolean read) {
		call("IMessage::SetReadFlag", store -> {
			store.setReadFlag(message, read);
			return null;
		});
	}

	@Override
	public EntryId moveMessage(EntryId message, EntryId folder) {
		return call("IMAPIFolder::CopyMessages", store -> store.moveMessage(message, folder));
	}

	@Override
	public void deleteMessage(EntryId message) {
		call("IMAPIFolder::DeleteMessages", store -> {
			store.deleteMessage(message);
			return null;
		});
	}

	@Override
	public EntryId submitMessage(EntryId message) {
		EntryId submitted = call("IMessage::SubmitMessage", store -> store.submitMessage(message));
		logon.session.submitted(this);
		return submitted;
	}

	private <T> T call(String call, Function<MessageStore, T> body) {
		checkValid();
		return logon.session.storeCall(this, call, body);
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
			logon.session.storeUnused(this);
		}
	}

	@Override
	void lastReleased() {
		boolean close;
		synchronized (this) {
			close = children == 0;
		}
		if (close) {
			logon.session.storeUnused(this);
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

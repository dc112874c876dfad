package org.mapihost.runtime.session;

import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.Resolution;

/** The client's {@code IAddrBook}; the address-book logons live until the session logs off. */
final class AddressBookHandle extends HandleBase implements AddressBook {
	private final Session session;

	AddressBookHandle(String id, Session session) {
		super(id);
		this.session = session;
	}

	@Override
	public MapiEntry openEntry(EntryId entryId, int flags) {
		checkValid();
		return session.openAddressBookEntry(entryId, flags);
	}

	@Override
	public Resolution resolveName(String name) {
		checkValid();
		return session.resolveName(name);
	}

	@Override
	void lastReleased() {
		session.addressBookReleased(this);
	}
}

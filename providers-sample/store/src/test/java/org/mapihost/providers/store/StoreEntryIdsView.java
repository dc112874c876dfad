package org.mapihost.providers.store;

import org.mapihost.api.EntryId;
import org.mapihost.providers.store.maildir.StoreEntryIds;

/** Test helper: what a store entry ID names. */
final class StoreEntryIdsView {
	private StoreEntryIdsView() {
	}

	static String messageName(EntryId entryId) {
		return StoreEntryIds.parse(entryId.providerData()).message().orElseThrow().name();
	}
}

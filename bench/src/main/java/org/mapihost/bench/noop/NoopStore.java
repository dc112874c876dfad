package org.mapihost.bench.noop;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;

/** A store that keeps nothing: StoreLogoff, Release and Logoff as {@link MessageStoreBase} does them, and no entries. */
final class NoopStore extends MessageStoreBase {
	NoopStore(ProviderSupport support) {
		super(support);
	}

	@Override
	public PropObject openEntry(EntryId entryId, int flags) {
		throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "the no-op store keeps no entries");
	}

	@Override
	protected void closeStore() {
		// nothing to close
	}
}

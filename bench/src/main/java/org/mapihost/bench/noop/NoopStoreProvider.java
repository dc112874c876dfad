package org.mapihost.bench.noop;

import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;

/**
 * A message-store provider that does no work: each logon is a {@link NoopStore}. It is a DS
 * prototype component of an in-memory bundle ({@link NoopProviderBundle}) that imports this
 * package from the system bundle.
 */
public class NoopStoreProvider implements MessageStoreProvider {
	/** The provider name profiles refer to. */
	public static final String NAME = "org.mapihost.bench.noop";

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		return new NoopStore(support).logon();
	}

	@Override
	public void shutdown(int flags) {
		// nothing to let go of
	}
}

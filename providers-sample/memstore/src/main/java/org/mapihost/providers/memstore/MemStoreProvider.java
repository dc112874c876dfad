package org.mapihost.providers.memstore;

import org.mapihost.api.ProviderKind;
import java.util.Objects;

import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The in-memory store's {@code IMSProvider}; one object per session. {@code this} guards
 * {@code shutDown}.
 */
@Component(scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = MemStoreProvider.NAME, type = ProviderKind.STORE, display = MemStoreProvider.DISPLAY)
public class MemStoreProvider implements MessageStoreProvider {
	static final String NAME = "org.mapihost.sample.memstore";
	static final String DISPLAY = "In-memory message store";

	private boolean shutDown;

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		Objects.requireNonNull(support, "support");
		requireOpen("IMSProvider::Logon");
		MapiFlags.requireKnown("IMSProvider::Logon", flags, MdbFlag.values());
		return MemStore.logOn(support, DISPLAY).logon();
	}

	@Override
	public synchronized void shutdown(int flags) {
		requireOpen("IMSProvider::Shutdown");
		MapiFlags.requireKnown("IMSProvider::Shutdown", flags, DeinitFlag.values());
		shutDown = true;
	}

	private synchronized void requireOpen(String call) {
		if (shutDown) {
			throw new IllegalStateException(call + " on a store provider that was shut down");
		}
	}
}

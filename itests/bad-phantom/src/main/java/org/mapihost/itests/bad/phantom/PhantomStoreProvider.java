package org.mapihost.itests.bad.phantom;

import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;

/**
 * A provider that is declared and never registered: {@link MapiProvider} puts the capability in
 * the manifest, and the class is no DS component, so no service ever appears. A logon that needs
 * it waits the bounded time and fails.
 */
@MapiProvider(name = PhantomStoreProvider.NAME, type = ProviderKind.STORE, display = "Phantom store")
public class PhantomStoreProvider implements MessageStoreProvider {
	/** The provider name the capability claims. */
	public static final String NAME = "org.mapihost.itests.bad.phantom";

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "the phantom store is never registered");
	}

	@Override
	public void shutdown(int flags) {
	}
}

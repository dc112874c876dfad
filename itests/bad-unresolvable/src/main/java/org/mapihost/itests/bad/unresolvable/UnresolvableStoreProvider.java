package org.mapihost.itests.bad.unresolvable;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * A working store whose bundle never resolves (its manifest imports a package nobody exports; see
 * the pom). Were it ever resolved, logons would succeed and the tests would say so.
 */
@Component(service = MessageStoreProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = UnresolvableStoreProvider.NAME, type = ProviderKind.STORE, display = "Unresolvable store")
public class UnresolvableStoreProvider implements MessageStoreProvider {
	/** The provider name the capability claims. */
	public static final String NAME = "org.mapihost.itests.bad.unresolvable";

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		support.setProviderUid(support.newUid(), 0);
		return new Store(support).logon();
	}

	@Override
	public void shutdown(int flags) {
	}

	private static final class Store extends MessageStoreBase {
		Store(ProviderSupport support) {
			super(support);
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "the unresolvable store is empty");
		}

		@Override
		protected void closeStore() {
		}
	}
}

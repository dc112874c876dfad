package org.mapihost.itests.bad.dup;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * A working store whose name two bundles claim (bad-dup-a and bad-dup-b, built from this source).
 * Its status row names the bundle that serves it.
 */
@Component(service = MessageStoreProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = DupStoreProvider.NAME, type = ProviderKind.STORE, display = "Duplicate store")
public class DupStoreProvider implements MessageStoreProvider {
	/** The provider name both bundles claim. */
	public static final String NAME = "org.mapihost.itests.bad.dup";

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		support.setProviderUid(support.newUid(), 0);
		support.modifyStatusRow(StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, support.openProfileSection().entryName())
				.set(StatusColumn.PR_PROVIDER_DISPLAY, FrameworkUtil.getBundle(getClass()).getSymbolicName())
				.build(), 0);
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
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "the duplicate store is empty");
		}

		@Override
		protected void closeStore() {
		}
	}
}

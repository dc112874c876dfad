package org.mapihost.itests.lib;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The library's message store ({@code IMSProvider}); one instance per {@code MSProviderInit}.
 * Its stores keep the shutdown rules through the kit; {@code OpenEntry} tells the probe when it
 * begins (where a test may hold it) and when it ends.
 */
@Component(service = MessageStoreProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = LibraryProviders.STORE, type = ProviderKind.STORE, display = LibraryProviders.STORE_DISPLAY)
public class LibStoreProvider implements MessageStoreProvider {
	private static final int MAPI_FOLDER = 3;
	private final String id = Probe.newId("msp");

	@Activate
	void activate() {
		Probe.tell(id, "activate");
	}

	@Deactivate
	void deactivate() {
		Probe.tell(id, "deactivate");
	}

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		String entryName = support.openProfileSection().entryName();
		MapiUid uid = support.newUid();
		support.setProviderUid(uid, 0);
		support.modifyStatusRow(LibraryProviders.row(entryName, LibraryProviders.STORE_DISPLAY), 0);
		Probe.tell(id, "logon", entryName);
		return new Store(support, uid, entryName).logon;
	}

	@Override
	public void shutdown(int flags) {
		Probe.tell(id, "shutdown");
	}

	private static final class Store extends MessageStoreBase {
		private final String id = Probe.newId("ms");
		private final MapiUid uid;
		private final String entryName;
		final StoreLogon logon = new Logon();

		Store(ProviderSupport support, MapiUid uid, String entryName) {
			super(support);
			this.uid = uid;
			this.entryName = entryName;
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			Probe.tell(id, "openEntry-begin", entryName);
			PropObject entry = new LibEntry(entryId, uid, MAPI_FOLDER, entryName, LibraryProviders.STORE_DISPLAY);
			Probe.tell(id, "openEntry-end", entryName);
			return entry;
		}

		@Override
		protected void closeStore() {
			Probe.tell(id, "closeStore", entryName);
		}

		/** The kit's logon, told to the probe. */
		private final class Logon implements StoreLogon {
			@Override
			public MessageStore store() {
				return Store.this;
			}

			@Override
			public void logoff(int flags) {
				Probe.tell(id, "logoff", entryName);
				Store.this.logon().logoff(flags);
			}

			@Override
			public void release() {
				Probe.tell(id, "logon-release", entryName);
				Store.this.logon().release();
			}
		}
	}
}

package org.mapihost.itests.faulty.internal;

import java.util.List;

import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.itests.faulty.FaultyProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** The faulty message-store provider ({@code IMSProvider}); one instance per {@code MSProviderInit}. */
@Component(service = MessageStoreProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = FaultyProviders.STORE, type = ProviderKind.STORE, display = FaultyStoreProvider.DISPLAY)
public class FaultyStoreProvider extends FaultyProvider implements MessageStoreProvider {
	static final String DISPLAY = "Faulty store";
	private static final int MAPI_MESSAGE = 5;

	@Activate
	public FaultyStoreProvider(@Reference Hangs hangs) {
		super(hangs, ProviderKind.STORE);
	}

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		FaultySupport faulty = beginLogon("logon", support);
		faulty.register(true, DISPLAY);
		return new Store(faulty).logon;
	}

	@Deactivate
	void deactivate() {
		released();
	}

	/**
	 * The store and its logon: the store's Release (or the logon's Logoff while the store is open)
	 * logs the transports off and releases the support object, as rules 1 and 2 ask. Concurrency:
	 * {@code this} guards the two flags.
	 */
	private final class Store implements MessageStore {
		private final FaultySupport support;
		private final StoreLogon logon = new Logon();
		private boolean transportsLoggedOff;
		private boolean shutDown;

		Store(FaultySupport support) {
			this.support = support;
		}

		@Override
		public int storeLogoff(int flag) {
			enter("storeLogoff", support.plan);
			synchronized (this) {
				if (transportsLoggedOff || shutDown) {
					return StoreLogoffFlag.LOGOFF_COMPLETE.value();
				}
			}
			int out = support.logoffTransports("storeLogoff", flag);
			if ((out & StoreLogoffFlag.LOGOFF_COMPLETE.value()) != 0) {
				synchronized (this) {
					transportsLoggedOff = true;
				}
			}
			return out;
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			enter("openEntry", support.plan);
			return new FaultyEntry(entryId, MAPI_MESSAGE, support.section.entryName());
		}

		@Override
		public List<FolderRow> folders() {
			enter("folders", support.plan);
			return List.of();
		}

		@Override
		public void release() {
			enter("store.release", support.plan);
			shutdown("store.release");
		}


		private void shutdown(String method) {
			boolean callTransports;
			synchronized (this) {
				if (shutDown) {
					return;
				}
				shutDown = true;
				callTransports = !transportsLoggedOff;
				transportsLoggedOff = true;
			}
			try {
				if (callTransports) {
					support.logoffTransports(method, StoreLogoffFlag.LOGOFF_ABORT.value());
				}
			} finally {
				support.release(method);
			}
		}

		private final class Logon implements StoreLogon {
			@Override
			public MessageStore store() {
				return Store.this;
			}

			@Override
			public void logoff(int flags) {
				enter("logoff", support.plan);
				shutdown("logoff");
			}

			@Override
			public void release() {
				enter("logon.release", support.plan);
			}
		}
	}
}

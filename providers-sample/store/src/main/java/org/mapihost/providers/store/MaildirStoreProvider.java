package org.mapihost.providers.store;

import java.io.IOException;
import java.util.Objects;

import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.providers.store.maildir.Maildir;
import org.mapihost.providers.store.maildir.StoreUidFile;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The Maildir store's {@code IMSProvider}; one object per session. A logon opens (and creates)
 * the Maildir named by the profile entry's {@value StoreSettings#ROOT} setting. {@code this}
 * guards {@code shutDown}.
 */
@Component(scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = MaildirStoreProvider.NAME, type = ProviderKind.STORE, display = MaildirStoreProvider.DISPLAY)
public class MaildirStoreProvider implements MessageStoreProvider {
	static final String NAME = "org.mapihost.providers.store";
	static final String DISPLAY = "Maildir store";

	@Reference(service = LoggerFactory.class)
	Logger log;

	private boolean shutDown;

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		Objects.requireNonNull(support, "support");
		requireOpen("IMSProvider::Logon");
		MapiFlags.requireKnown("IMSProvider::Logon", flags, MdbFlag.values());
		StoreSettings settings = StoreSettings.from(support.openProfileSection());
		StoreAccess access = open(settings, support);
		support.setProviderUid(access.uid, 0);
		support.modifyStatusRow(StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, settings.displayName())
				.set(StatusColumn.PR_PROVIDER_DISPLAY, DISPLAY)
				.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, "Available")
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.set(StatusColumn.PR_IDENTITY_DISPLAY, settings.identity().displayName())
				.build(), 0);
		log.info("Store '{}' of profile {} opened at {} (MAPIUID {})", settings.displayName(), profileName,
				settings.root(), access.uid);
		return new MaildirStore(support, access, settings).logon();
	}

	private StoreAccess open(StoreSettings settings, ProviderSupport support) {
		RootGuard guard = RootGuard.of(settings.root());
		guard.lock.lock();
		try {
			Maildir maildir = Maildir.open(settings.root());
			int removed = maildir.recover();
			if (removed > 0) {
				log.info("Store '{}': removed {} leftovers of interrupted writes in {}", settings.displayName(), removed,
						settings.root());
			}
			MapiUid uid = StoreUidFile.loadOrCreate(maildir.root(), support::newUid);
			return new StoreAccess(maildir, uid, settings.displayName(), log);
		} catch (IOException | MapiException e) {
			throw StoreSettings.failed("the store directory of setting '" + StoreSettings.ROOT + "' (" + settings.root()
					+ ") cannot be used: " + (e instanceof MapiException m ? m.sentence() : e.toString()));
		} finally {
			guard.lock.unlock();
		}
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

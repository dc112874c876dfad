package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.itests.testkit.Trace;
import org.osgi.framework.Bundle;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * A store provider whose service goes away while a session uses it (DESIGN.md §3 rule 5): inside
 * a {@code MAPI::HotUnload} step its logon is shut down as in rule 3 and its provider object gets
 * Shutdown and Release, all before the unregistration returns; the session lives on with its
 * transport. The provider is registered by this test (not from a library), so it can be
 * unregistered alone.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "gone", properties = {
		@Property(key = "name", value = "gone"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "store.provider", value = ProviderGoneIT.EPHEMERAL) })
class ProviderGoneIT extends ConformanceTestSupport {
	static final String EPHEMERAL = "org.mapihost.itests.ephemeral";

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Test
	void aStoreProviderThatGoesAwayInUseIsShutDownFirstAndTheSessionLivesOn() {
		ServiceRegistration<MessageStoreProvider> registration = register();
		mapi.initialize(0);
		MapiSession session = logon("gone");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		assertEquals(2, session.statusTable().size());

		long start = mark();
		registration.unregister();
		seen.add("unregistered");

		assertEquals(List.of("logon", "shutdown", "release", "unregistered"), seen.stream()
				.filter(s -> !s.startsWith("logoff")).toList(), "Shutdown and Release came before the service was gone");
		Trace gone = since(start);
		gone.assertOutline("""
				MAPI::HotUnload
				  IMSLogon::Logoff
				    IMAPISupport::StoreLogoffTransports [LOGOFF_ABORT]
				    IMAPISupport::Release
				  MAPI::RemoveProviderUIDs
				  MAPI::RemoveStatusRow
				  IMSLogon::Release
				  IMSProvider::Shutdown
				  IMSProvider::Release
				""");
		assertTrue(gone.violations().isEmpty(), () -> "no violations: " + gone);

		assertFalse(store.isValid());
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> store.storeLogoff(0x2));
		assertEquals(0, store.release(), "release still works");
		List<StatusRow> rows = session.statusTable();
		assertEquals(1, rows.size(), "only the transport's row is left");
		assertEquals(ProviderKind.TRANSPORT.resourceType(), rows.get(0).integer(StatusColumn.PR_RESOURCE_TYPE));
		assertFails(ResultCode.MAPI_E_LOGON_FAILED, () -> session.openMsgStore("store", STORE_FLAGS));

		session.logoff(0);
		session.release();
	}

	private ServiceRegistration<MessageStoreProvider> register() {
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(ServiceProvider.PROVIDER_NAME, EPHEMERAL);
		return context.registerService(MessageStoreProvider.class, new PrototypeServiceFactory<MessageStoreProvider>() {
			@Override
			public MessageStoreProvider getService(Bundle bundle, ServiceRegistration<MessageStoreProvider> registration) {
				return new Provider();
			}

			@Override
			public void ungetService(Bundle bundle, ServiceRegistration<MessageStoreProvider> registration,
					MessageStoreProvider service) {
				seen.add("release");
			}
		}, properties);
	}

	private final class Provider implements MessageStoreProvider {
		@Override
		public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
			seen.add("logon");
			Store store = new Store(support);
			support.setProviderUid(support.newUid(), 0);
			support.modifyStatusRow(StatusRow.builder().set(StatusColumn.PR_DISPLAY_NAME, "ephemeral").build(), 0);
			return store.logon();
		}

		@Override
		public void shutdown(int flags) {
			seen.add("shutdown");
		}
	}

	private final class Store extends MessageStoreBase {
		Store(ProviderSupport support) {
			super(support);
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			throw new UnsupportedOperationException();
		}

		@Override
		protected void closeStore() {
			seen.add("logoff: store closed");
		}
	}

}

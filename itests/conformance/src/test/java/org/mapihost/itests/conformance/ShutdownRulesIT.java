package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.AB;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * The three shutdown rules of DESIGN.md §3, each as the exact step sequence of
 * docs/CONTRACTS.md: calls, flags, nesting and the objects they are made on.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "rules-store", properties = {
		@Property(key = "name", value = "rules-store"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE) })
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "rules-full", properties = {
		@Property(key = "name", value = "rules-full"),
		@Property(key = "entries", value = "xp, ab, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "ab.provider", value = AB),
		@Property(key = "store.provider", value = STORE) })
class ShutdownRulesIT extends ConformanceTestSupport {

	@Test
	void rule1StoreLogoffThenRelease() {
		mapi.initialize(0);
		MapiSession session = logon("rules-store");
		long opened = mark();
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		TraceEvent setUid = since(opened).only("IMAPISupport::SetProviderUID");

		long start = mark();
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
		assertEquals(0, store.release());
		Trace shutdown = since(start);

		shutdown.assertOutline("""
				IMsgStore::StoreLogoff [LOGOFF_ORDERLY]
				  IMAPISupport::StoreLogoffTransports [LOGOFF_ORDERLY]
				IMsgStore::Release
				  IMAPISupport::Release
				MAPI::RemoveProviderUIDs
				MAPI::RemoveStatusRow
				IMSLogon::Logoff
				IMSLogon::Release
				""");
		assertStoreShutdownObjects(shutdown, session, store, setUid.object());
		session.logoff(0);
		session.release();
	}

	@Test
	void rule2ReleaseWithoutStoreLogoff() {
		mapi.initialize(0);
		MapiSession session = logon("rules-store");
		long opened = mark();
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		TraceEvent setUid = since(opened).only("IMAPISupport::SetProviderUID");

		long start = mark();
		assertEquals(0, store.release());
		Trace shutdown = since(start);

		shutdown.assertOutline("""
				IMsgStore::Release
				  IMAPISupport::StoreLogoffTransports [LOGOFF_ABORT]
				  IMAPISupport::Release
				MAPI::RemoveProviderUIDs
				MAPI::RemoveStatusRow
				IMSLogon::Logoff
				IMSLogon::Release
				""");
		assertStoreShutdownObjects(shutdown, session, store, setUid.object());
		session.logoff(0);
		session.release();
	}

	private static void assertStoreShutdownObjects(Trace shutdown, MapiSession session, MsgStore store, String support) {
		assertTrue(support.matches("sup\\d+"), () -> "support object id " + support);
		for (TraceEvent event : shutdown.events()) {
			assertEquals(session.id(), event.session(), () -> "session of " + event.toJson());
			assertEquals("S_OK", event.result(), () -> "result of " + event.toJson());
			if (event.call().startsWith("I")) {
				assertEquals(STORE, event.provider(), () -> "provider of " + event.toJson());
			}
		}
		for (TraceEvent event : shutdown.all(e -> e.call().startsWith("IMsgStore::"))) {
			assertEquals(store.id(), event.object(), () -> "a store call is made on the client's store handle: " + event.toJson());
		}
		for (TraceEvent event : shutdown.all(e -> e.call().startsWith("IMAPISupport::"))) {
			assertEquals(support, event.object(), () -> "the store's support object, as at logon: " + event.toJson());
		}
		String logon = shutdown.only("IMSLogon::Logoff").object();
		assertTrue(logon.matches("msl\\d+"), () -> "store logon id " + logon);
		assertEquals(logon, shutdown.only("IMSLogon::Release").object());
	}

	@Test
	void rule3SessionLogoffWithEverythingOpen() {
		mapi.initialize(0);
		awaitProfile("rules-full");
		long opened = mark();
		MapiSession session = logon("rules-full");
		session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		Trace open = since(opened);

		long start = mark();
		session.logoff(0);
		Trace logoff = since(start);

		logoff.assertOutline("""
				IMAPISession::Logoff
				  IXPLogon::TransportNotify [NOTIFY_END_INBOUND, NOTIFY_END_OUTBOUND]
				  IXPLogon::TransportLogoff
				    IMAPISupport::Release
				  MAPI::RemoveStatusRow
				  IXPLogon::Release
				  IABLogon::Logoff
				    IMAPISupport::Release
				  MAPI::RemoveProviderUIDs
				  MAPI::RemoveStatusRow
				  IABLogon::Release
				  IMSLogon::Logoff
				    IMAPISupport::StoreLogoffTransports [LOGOFF_ABORT]
				    IMAPISupport::Release
				  MAPI::RemoveProviderUIDs
				  MAPI::RemoveStatusRow
				  IMSLogon::Release
				  IXPProvider::Shutdown
				  IXPProvider::Release
				  IABProvider::Shutdown
				  IABProvider::Release
				  IMSProvider::Shutdown
				  IMSProvider::Release
				""");
		for (TraceEvent event : logoff.events()) {
			assertEquals(session.id(), event.session(), () -> "session of " + event.toJson());
			assertEquals("S_OK", event.result(), () -> "result of " + event.toJson());
		}
		assertSameObject(logoff, "IXPLogon::", "xpl\\d+", XP);
		assertSameObject(logoff, "IABLogon::", "abl\\d+", AB);
		assertSameObject(logoff, "IMSLogon::", "msl\\d+", STORE);
		assertEquals(open.only("XPProviderInit").object(), logoff.only("IXPProvider::Shutdown").object());
		assertEquals(open.only("ABProviderInit").object(), logoff.only("IABProvider::Shutdown").object());
		assertEquals(open.only("MSProviderInit").object(), logoff.only("IMSProvider::Shutdown").object());
		assertSameObject(logoff, "IXPProvider::", "xpp\\d+", XP);
		assertSameObject(logoff, "IABProvider::", "abp\\d+", AB);
		assertSameObject(logoff, "IMSProvider::", "msp\\d+", STORE);
		assertEquals(List.of(), open.violations());

		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> store.storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value()));
		assertEquals(0, store.release());
		assertEquals(0, session.release());
	}

	/** All calls of an interface are made on one object, with the id pattern of CONTRACTS.md. */
	private static void assertSameObject(Trace trace, String prefix, String idPattern, String provider) {
		List<TraceEvent> calls = trace.all(e -> e.call().startsWith(prefix));
		String object = calls.get(0).object();
		assertTrue(object != null && object.matches(idPattern), () -> prefix + " object id " + object);
		for (TraceEvent call : calls) {
			assertEquals(object, call.object(), () -> "object of " + call.toJson());
			assertEquals(provider, call.provider(), () -> "provider of " + call.toJson());
		}
	}
}

package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/** Logon and the first OpenMsgStore, as docs/CONTRACTS.md lists their steps. */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "startup", properties = {
		@Property(key = "name", value = "startup"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "store.provider", value = STORE) })
class StartupSequenceIT extends ConformanceTestSupport {

	@Test
	void logonThenOpenStore() {
		mapi.initialize(0);
		awaitProfile("startup");
		long start = mark();
		MapiSession session = logon("startup");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		// whether the provider bundle is loaded here depends on the tests that ran before
		Trace startup = since(start).without("LoadLibrary");

		startup.assertOutline("""
				MAPILogonEx
				  XPProviderInit
				  IXPProvider::TransportLogon [LOGON_NO_INBOUND, LOGON_NO_OUTBOUND]
				    IMAPISupport::ModifyStatusRow
				  IXPLogon::AddressTypes
				IMAPISession::OpenMsgStore
				  MSProviderInit
				  IMSProvider::Logon
				    IMAPISupport::SetProviderUID
				    IMAPISupport::ModifyStatusRow
				  IXPLogon::TransportNotify [NOTIFY_BEGIN_INBOUND, NOTIFY_BEGIN_OUTBOUND]
				""");
		for (TraceEvent event : startup.events()) {
			assertEquals(session.id(), event.session(), () -> "session of " + event.toJson());
			assertEquals("S_OK", event.result(), () -> "result of " + event.toJson());
		}
		assertEquals(startup.only("XPProviderInit").object(), startup.only("IXPProvider::TransportLogon").object());
		assertEquals(startup.only("MSProviderInit").object(), startup.only("IMSProvider::Logon").object());
		assertEquals(XP, startup.only("IXPLogon::AddressTypes").provider());
		assertEquals(STORE, startup.only("IMSProvider::Logon").provider());
		assertTrue(store.id().matches("ms\\d+"), () -> "store handle id " + store.id());
		assertTrue(session.id().matches("s\\d+"), () -> "session id " + session.id());

		store.release();
		session.logoff(0);
		session.release();
	}
}

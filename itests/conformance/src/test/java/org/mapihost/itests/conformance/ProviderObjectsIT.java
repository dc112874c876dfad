package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mapihost.itests.recording.RecordingProviders.AB;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Provider objects: one per provider per session ({@code *ProviderInit}), reused for every logon
 * of that provider in the session; shut down only after all their logons were released and
 * called no more after their Release.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "objects", properties = {
		@Property(key = "name", value = "objects"),
		@Property(key = "entries", value = "xp, ab, store, store2"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "ab.provider", value = AB),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store2.provider", value = STORE) })
class ProviderObjectsIT extends ConformanceTestSupport {

	@Test
	void oneProviderObjectPerProviderPerSession() {
		mapi.initialize(0);
		awaitProfile("objects");
		long start = mark();
		MapiSession first = logon("objects");
		MsgStore store = first.openMsgStore("store", STORE_FLAGS);
		MsgStore store2 = first.openMsgStore("store2", STORE_FLAGS);
		MapiSession second = logon("objects");
		MsgStore again = second.openMsgStore("store", STORE_FLAGS);
		Trace opened = since(start);

		TraceEvent firstInit = opened.session(first.id()).only("MSProviderInit");
		List<TraceEvent> firstLogons = opened.session(first.id()).all("IMSProvider::Logon");
		assertEquals(2, firstLogons.size(), "two stores, two logons");
		firstLogons.forEach(logon -> assertEquals(firstInit.object(), logon.object(), "both on the session's one provider object"));
		TraceEvent secondInit = opened.session(second.id()).only("MSProviderInit");
		assertNotEquals(firstInit.object(), secondInit.object(), "each session has its own provider object");
		opened.session(first.id()).only("XPProviderInit");
		opened.session(second.id()).only("XPProviderInit");
		assertEquals(2, providers.calls("MSProviderInit").size(), "the entry point was called once per session");
		assertNotEquals(store.id(), again.id(), "each session has its own store handle");

		store.release();
		store2.release();
		again.release();
		first.logoff(0);
		second.logoff(0);
		ProviderLifecycle.assertOrderly(since(start));
		first.release();
		second.release();
	}

	@Test
	void shutdownOnlyAfterAllLogonsAndNothingAfterRelease() {
		mapi.initialize(0);
		awaitProfile("objects");
		long start = mark();
		MapiSession session = logon("objects");
		session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		MsgStore store2 = session.openMsgStore("store2", STORE_FLAGS);

		long released = mark();
		store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value());
		store.release();
		assertEquals(0, since(released).count("IMSProvider::Shutdown"), "store2 is still open on the same provider object");

		session.logoff(0);
		Trace whole = since(start);
		ProviderLifecycle.assertOrderly(whole);
		assertEquals(2, whole.count("IMSLogon::Release"), () -> "both store logons released:\n" + whole);
		assertEquals(1, whole.count("IABLogon::Release"), () -> "the address-book logon released:\n" + whole);
		assertEquals(1, whole.count("IXPLogon::Release"), () -> "the transport logon released:\n" + whole);
		assertEquals(0, store2.release());
		session.release();
	}
}

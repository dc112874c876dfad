package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import org.junit.jupiter.api.Test;
import org.mapihost.api.InitFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * {@code MAPIInitialize} / {@code MAPIUninitialize} counting with several clients: each client
 * bundle has its own {@code Mapi} object and count; calls before initialize and unbalanced
 * uninitializes are refused; one client's uninitialize leaves the others' sessions alone.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "init", properties = {
		@Property(key = "name", value = "init"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "store.provider", value = STORE) })
class InitCountIT extends ConformanceTestSupport {

	@Test
	void eachClientBundleHasItsOwnMapiAndCount() throws Exception {
		Mapi a = clients.install("a");
		Mapi b = clients.install("b");
		assertNotSame(a, b);
		assertNotSame(mapi, a);

		a.initialize(0);
		b.initialize(InitFlag.MAPI_MULTITHREAD_NOTIFICATIONS.value());
		b.initialize(0);
		assertEquals(1, a.initializeCount());
		assertEquals(2, b.initializeCount());
		assertEquals(0, mapi.initializeCount());

		b.uninitialize();
		assertEquals(1, b.initializeCount(), "N initializes need N uninitializes");
		awaitProfile("init");
		MapiSession session = b.logon("init", LOGON_FLAGS);
		session.logoff(0);
		session.release();
	}

	@Test
	void callsBeforeInitializeAndUnbalancedUninitializeAreRefused() throws Exception {
		Mapi client = clients.install("c");
		awaitProfile("init");
		assertFails(ResultCode.MAPI_E_NOT_INITIALIZED, () -> client.logon("init", LOGON_FLAGS));
		assertFails(ResultCode.MAPI_E_NOT_INITIALIZED, client::uninitialize);
		assertEquals(0, client.initializeCount(), "not below zero");

		assertFails(ResultCode.MAPI_E_UNKNOWN_FLAGS, () -> client.initialize(0x100));
		assertEquals(0, client.initializeCount(), "a refused initialize does not count");

		client.initialize(0);
		client.uninitialize();
		assertFails(ResultCode.MAPI_E_NOT_INITIALIZED, client::uninitialize);
		assertEquals(0, client.initializeCount());
		assertFails(ResultCode.MAPI_E_NOT_INITIALIZED, () -> client.logon("init", LOGON_FLAGS));
	}

	@Test
	void oneClientsUninitializeKeepsTheOtherClientsSessions() throws Exception {
		Mapi a = clients.install("a");
		Mapi b = clients.install("b");
		a.initialize(0);
		b.initialize(0);
		awaitProfile("init");
		MapiSession sessionA = a.logon("init", LOGON_FLAGS);
		MapiSession sessionB = b.logon("init", LOGON_FLAGS);
		MsgStore storeB = sessionB.openMsgStore("store", STORE_FLAGS);
		sessionA.openMsgStore("store", STORE_FLAGS);

		long start = mark();
		a.uninitialize();
		assertEquals(0, since(start).session(sessionB.id()).events().size(), "nothing happens to B's session");
		assertTrue(sessionB.isValid());
		assertTrue(storeB.isValid());
		assertEquals(2, sessionB.statusTable().size(), "B's transport and store rows");
		MapiSession another = b.logon("init", LOGON_FLAGS);
		another.logoff(0);
		another.release();
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), storeB.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
		assertEquals(0, storeB.release());

		long last = mark();
		b.uninitialize();
		assertFalse(sessionB.isValid(), "the last uninitialize of all clients logs off the sessions left open");
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, sessionB::statusTable);
		since(last).session(sessionB.id()).only("IMAPISession::Logoff");
		sessionB.release();
	}
}

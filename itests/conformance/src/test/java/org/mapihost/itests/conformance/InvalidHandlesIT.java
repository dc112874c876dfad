package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.itests.recording.RecordingProviders;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Handles that outlive what they stand for (MAPI's {@code MakeInvalid}): every call fails with
 * {@code MAPI_E_INVALID_OBJECT} but Release, which still works once and reaches no provider;
 * bad logons fail with the documented codes.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "handles", properties = {
		@Property(key = "name", value = "handles"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.uids", value = InvalidHandlesIT.UID) })
class InvalidHandlesIT extends ConformanceTestSupport {
	static final String UID = "48414E444C4553000000000000000001";
	private static final EntryId ENTRY = EntryId.of(MapiUid.parse(UID), new byte[] { 7 });

	@Test
	void handlesHeldAcrossSessionLogoffFailButRelease() {
		mapi.initialize(0);
		MapiSession session = logon("handles");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		MapiEntry entry = store.openEntry(ENTRY, 0);
		session.logoff(0);

		assertFalse(store.isValid());
		assertFalse(entry.isValid());
		assertFalse(session.isValid());
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> store.openEntry(ENTRY, 0));
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, store::addRef);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, entry::properties);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, entry::addRef);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> session.openMsgStore("store", STORE_FLAGS));
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> session.openEntry(ENTRY, 0));
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> session.openAddressBook(0));
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, session::statusTable);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> session.logoff(0));

		long release = mark();
		providers.clear();
		assertEquals(0, entry.release());
		assertEquals(0, store.release());
		assertEquals(0, session.release());
		assertEquals(List.of(), since(release).all(e -> e.call().startsWith("IMS") || e.call().startsWith("IMAPISupport")
				|| e.call().startsWith("MAPI::")), "releasing invalid handles reaches no provider");
		assertEquals(List.of(), providers.calls());

		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, store::release);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, entry::release);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, session::release);
	}

	@Test
	void doubleReleaseOfAStoreFailsAndShutsDownOnce() {
		mapi.initialize(0);
		MapiSession session = logon("handles");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		long start = mark();
		assertEquals(0, store.release());
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, store::release);
		assertFails(ResultCode.MAPI_E_INVALID_OBJECT, () -> store.storeLogoff(StoreLogoffFlag.LOGOFF_ABORT.value()));
		Trace trace = since(start);
		trace.only("IMAPISupport::StoreLogoffTransports");
		trace.only("IMSLogon::Release");
		assertEquals(1, providers.calls("IMsgStore::Release").size());

		MsgStore reopened = session.openMsgStore("store", STORE_FLAGS);
		MapiEntry entry = reopened.openEntry(ENTRY, 0);
		assertEquals("store", entry.properties().get(RecordingProviders.OPENED_BY), "the store opens again");
		entry.release();
		reopened.release();
		session.logoff(0);
		session.release();
	}

	@Test
	void badLogonsFailWithTheDocumentedCodes() {
		mapi.initialize(0);
		assertFails(ResultCode.MAPI_E_LOGON_FAILED, () -> mapi.logon("no-such-profile", LOGON_FLAGS));
		awaitProfile("handles");
		assertFails(ResultCode.MAPI_E_UNKNOWN_FLAGS, () -> mapi.logon("handles", LOGON_FLAGS | 0x0800_0000));
		MapiSession session = logon("handles");
		assertFails(ResultCode.MAPI_E_NOT_FOUND, () -> session.openMsgStore("no-such-store", STORE_FLAGS));
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(ENTRY, 0));
		session.logoff(0);
		session.release();
	}
}

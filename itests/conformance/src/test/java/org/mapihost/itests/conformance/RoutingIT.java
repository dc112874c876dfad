package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mapihost.itests.recording.RecordingProviders.OPENED_BY;
import static org.mapihost.itests.recording.RecordingProviders.STORE;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * MAPIUID routing of {@code IMAPISession::OpenEntry}: to the logon that registered the UID
 * first; {@code MAPI_E_UNKNOWN_ENTRYID} when no open logon did; a store's UIDs go with it.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "routing", properties = {
		@Property(key = "name", value = "routing"),
		@Property(key = "entries", value = "store, store2"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.uids", value = RoutingIT.SHARED + "," + RoutingIT.FIRST_ONLY),
		@Property(key = "store2.provider", value = STORE),
		@Property(key = "store2.uids", value = RoutingIT.SHARED + "," + RoutingIT.SECOND_ONLY) })
class RoutingIT extends ConformanceTestSupport {
	static final String SHARED = "5348415245440000000000000000AAAA";
	static final String FIRST_ONLY = "4649525354000000000000000000BBBB";
	static final String SECOND_ONLY = "5345434F4E440000000000000000CCCC";
	static final String NOBODY = "4E4F424F44590000000000000000DDDD";

	@Test
	void openEntryGoesToTheFirstRegistrantAndUidsGoWithTheirStore() {
		mapi.initialize(0);
		MapiSession session = logon("routing");
		// store2 logs on first, so it registers the shared UID first
		MsgStore second = session.openMsgStore("store2", STORE_FLAGS);
		MsgStore first = session.openMsgStore("store", STORE_FLAGS);

		assertEquals("store2", openedBy(session, SHARED), "the shared UID goes to the logon that registered it first");
		assertEquals("store", openedBy(session, FIRST_ONLY));
		assertEquals("store2", openedBy(session, SECOND_ONLY));
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(entry(NOBODY), 0));

		assertEquals(0, second.release());
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(entry(SECOND_ONLY), 0));
		assertEquals("store", openedBy(session, SHARED), "with store2 shut down, its registration of the shared UID is gone");

		assertEquals(0, first.release());
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(entry(SHARED), 0));
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> session.openEntry(entry(FIRST_ONLY), 0));
		session.logoff(0);
		session.release();
	}

	@Test
	void routingIsPerSession() {
		mapi.initialize(0);
		MapiSession withStore = logon("routing");
		MapiSession without = logon("routing");
		MsgStore store = withStore.openMsgStore("store", STORE_FLAGS);

		assertEquals("store", openedBy(withStore, FIRST_ONLY));
		assertFails(ResultCode.MAPI_E_UNKNOWN_ENTRYID, () -> without.openEntry(entry(FIRST_ONLY), 0));

		store.release();
		withStore.logoff(0);
		withStore.release();
		without.logoff(0);
		without.release();
	}

	/** Opens an entry of the UID through the session and says which profile entry's logon answered. */
	private static String openedBy(MapiSession session, String uid) {
		MapiEntry opened = session.openEntry(entry(uid), 0);
		try {
			return String.valueOf(opened.properties().get(OPENED_BY));
		} finally {
			opened.release();
		}
	}

	private static EntryId entry(String uid) {
		return EntryId.of(MapiUid.parse(uid), "message-1".getBytes(StandardCharsets.US_ASCII));
	}
}

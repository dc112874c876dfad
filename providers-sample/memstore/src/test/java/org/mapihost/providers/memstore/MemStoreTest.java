package org.mapihost.providers.memstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.providers.testkit.RecordingSupport;

class MemStoreTest {
	private static final int ORDERLY = StoreLogoffFlag.LOGOFF_ORDERLY.value();
	private static final int ABORT = StoreLogoffFlag.LOGOFF_ABORT.value();
	private static final int COMPLETE = StoreLogoffFlag.LOGOFF_COMPLETE.value();

	private RecordingSupport support;
	private StoreLogon logon;
	private MessageStore store;

	@BeforeEach
	void logOn() {
		support = new RecordingSupport(ProviderKind.STORE, "store", Map.of("display", "Personal Folders"));
		logon = new MemStoreProvider().logon(support, "test-profile", 0);
		store = logon.store();
	}

	@Test
	void logonRegistersOneUidAndOneStatusRow() {
		assertEquals(1, support.count("SetProviderUID"));
		assertEquals(1, support.uids.size());
		assertEquals(1, support.count("ModifyStatusRow"));
		assertEquals(List.of(0), support.rowFlags);
		StatusRow row = support.rows.get(0);
		assertEquals("Personal Folders", row.string(StatusColumn.PR_DISPLAY_NAME));
		assertEquals(MemStoreProvider.DISPLAY, row.string(StatusColumn.PR_PROVIDER_DISPLAY));
		assertEquals(StatusCode.STATUS_AVAILABLE.value(), row.integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Available", row.string(StatusColumn.PR_STATUS_STRING));
		assertEquals(0, row.get(StatusColumn.PR_RESOURCE_METHODS).orElseThrow());
		assertEquals(0, support.count("Release"));
		assertEquals(0, support.count("StoreLogoffTransports"));
	}

	@Test
	void statusRowNamesTheEntryWithoutDisplaySetting() {
		RecordingSupport other = new RecordingSupport(ProviderKind.STORE, "archive", Map.of());
		new MemStoreProvider().logon(other, "test-profile", 0);
		assertEquals("archive", other.rows.get(0).string(StatusColumn.PR_DISPLAY_NAME));
	}

	@Test
	void storeObjectListsTheFoldersAndEachOpens() {
		PropObject root = store.openEntry(null, 0);
		assertEquals(1, root.objectType());
		assertEquals("Personal Folders", root.properties().get("PR_DISPLAY_NAME"));
		assertEquals(support.uids.get(0), root.entryId().uid());
		assertEquals(root.entryId(), store.openEntry(root.entryId(), 0).entryId());

		Map<String, String> folders = Map.of("PR_IPM_INBOX_ENTRYID", "Inbox", "PR_IPM_OUTBOX_ENTRYID", "Outbox",
				"PR_IPM_SENTMAIL_ENTRYID", "Sent Items", "PR_IPM_WASTEBASKET_ENTRYID", "Deleted Items");
		folders.forEach((property, name) -> {
			EntryId id = (EntryId) root.properties().get(property);
			assertEquals(support.uids.get(0), id.uid(), property);
			PropObject folder = store.openEntry(EntryId.of(id.toByteArray()), 0);
			assertEquals(3, folder.objectType(), name);
			assertEquals(id, folder.entryId());
			assertEquals(name, folder.properties().get("PR_DISPLAY_NAME"));
			assertEquals(0, folder.properties().get("PR_CONTENT_COUNT"));
		});
	}

	@Test
	void eachOpenReturnsItsOwnObject() {
		EntryId inbox = inbox();
		PropObject first = store.openEntry(inbox, 0);
		PropObject second = store.openEntry(inbox, 0);
		assertNotSame(first, second);
		assertEquals(first.properties(), second.properties());
	}

	@Test
	void entryIdOfAnotherUidIsInvalid() {
		byte[] data = inbox().providerData();
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(MapiUid.random(), data));
	}

	@Test
	void garbageProviderDataIsInvalid() {
		MapiUid uid = support.uids.get(0);
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, "garbage".getBytes()));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[] { 9, 3, 0, 0, 0, 1 }));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[] { 1, 5, 0, 0, 0, 1 }));
	}

	@Test
	void tooShortEntryIdIsInvalid() {
		MapiUid uid = support.uids.get(0);
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[0]));
		byte[] inbox = inbox().toByteArray();
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, Arrays.copyOfRange(inbox, EntryId.MIN_SIZE, inbox.length - 1)));
		MapiException e = assertThrows(MapiException.class, () -> EntryId.of(Arrays.copyOf(inbox, EntryId.MIN_SIZE - 1)));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
	}

	@Test
	void wellFormedButUnknownObjectIsNotFound() {
		MapiUid uid = support.uids.get(0);
		assertCode(ResultCode.MAPI_E_NOT_FOUND, EntryId.of(uid, new byte[] { 1, 3, 0, 0, 0, 99 }));
		assertCode(ResultCode.MAPI_E_NOT_FOUND, EntryId.of(uid, new byte[] { 1, 1, 0, 0, 0, 1 }));
	}

	@Test
	void eachLogonHasItsOwnUidAndObjects() {
		RecordingSupport otherSupport = new RecordingSupport(ProviderKind.STORE, "other", Map.of());
		MessageStore other = new MemStoreProvider().logon(otherSupport, "test-profile", 0).store();
		assertNotEquals(support.uids.get(0), otherSupport.uids.get(0));
		MapiException e = assertThrows(MapiException.class, () -> other.openEntry(inbox(), 0));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
	}

	@Test
	void storeLogoffThenReleaseLogsTransportsOffOnceOrderlyAndReleasesSupportLast() {
		assertEquals(COMPLETE, store.storeLogoff(ORDERLY));
		store.release();
		assertEquals(List.of(ORDERLY), support.storeLogoffTransportsFlags);
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());

		logon.logoff(0);
		logon.release();
		assertEquals(1, support.count("StoreLogoffTransports"));
		assertEquals(1, support.count("Release"));
	}

	@Test
	void releaseWithoutStoreLogoffAbortsOnce() {
		store.release();
		assertEquals(List.of(ABORT), support.storeLogoffTransportsFlags);
		assertEquals(List.of("StoreLogoffTransports", "Release"), afterLogon());
	}

	@Test
	void logonLogoffOnAnOpenStoreAbortsOnceAndReleasesSupportLast() {
		logon.logoff(0);
		assertEquals(List.of(ABORT), support.storeLogoffTransportsFlags);
		assertEquals(List.of("StoreLogoffTransports", "Release"), afterLogon());

		store.release();
		logon.release();
		assertEquals(List.of("StoreLogoffTransports", "Release"), afterLogon());
	}

	@Test
	void storeLogoffTurnedDownByTrafficIsRepeatedAtRelease() {
		support.storeLogoffTransportsResult = StoreLogoffFlag.LOGOFF_INBOUND.value();
		assertEquals(StoreLogoffFlag.LOGOFF_INBOUND.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_QUIET.value()));
		support.storeLogoffTransportsResult = COMPLETE;
		store.release();
		assertEquals(List.of(StoreLogoffFlag.LOGOFF_QUIET.value(), ABORT), support.storeLogoffTransportsFlags);
		assertEquals("Release", support.lastCall());
	}

	@Test
	void openEntryAfterReleaseIsAProgrammingError() {
		EntryId inbox = inbox();
		store.release();
		assertThrows(IllegalStateException.class, () -> store.openEntry(inbox, 0));
	}

	@Test
	void logonReturnsTheSameStoreEveryTime() {
		assertSame(store, logon.store());
	}

	private EntryId inbox() {
		return (EntryId) store.openEntry(null, 0).properties().get("PR_IPM_INBOX_ENTRYID");
	}

	private List<String> afterLogon() {
		return support.calls.subList(support.calls.indexOf("ModifyStatusRow") + 1, support.calls.size());
	}

	private void assertCode(ResultCode expected, EntryId entryId) {
		MapiException e = assertThrows(MapiException.class, () -> store.openEntry(entryId, 0));
		assertEquals(expected, e.code(), e.getMessage());
	}
}

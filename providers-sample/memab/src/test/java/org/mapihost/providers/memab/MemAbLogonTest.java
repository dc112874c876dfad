package org.mapihost.providers.memab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.PropObject;
import org.mapihost.providers.testkit.RecordingSupport;

class MemAbLogonTest {
	private RecordingSupport support;
	private AddressBookLogon logon;

	@BeforeEach
	void logOn() {
		support = new RecordingSupport(ProviderKind.ADDRESS_BOOK, "contacts",
				Map.of("contacts", "Carol Example <carol@example.org>; dave@example.org"));
		logon = new MemAbProvider().logon(support, "test-profile", 0);
	}

	@Test
	void logonRegistersOneUidAndOneStatusRow() {
		assertEquals(1, support.count("SetProviderUID"));
		assertEquals(1, support.uids.size());
		assertEquals(1, support.count("ModifyStatusRow"));
		assertEquals(List.of(0), support.rowFlags);
		StatusRow row = support.rows.get(0);
		assertEquals("contacts", row.string(StatusColumn.PR_DISPLAY_NAME));
		assertEquals(MemAbProvider.DISPLAY, row.string(StatusColumn.PR_PROVIDER_DISPLAY));
		assertEquals(StatusCode.STATUS_AVAILABLE.value(), row.integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Available", row.string(StatusColumn.PR_STATUS_STRING));
		assertEquals(0, support.count("Release"));
	}

	@Test
	void contactsOpenAsMailUsers() {
		List<EntryId> contents = contents();
		assertEquals(2, contents.size());
		PropObject carol = logon.openEntry(EntryId.of(contents.get(0).toByteArray()), 0);
		assertEquals(6, carol.objectType());
		assertEquals(contents.get(0), carol.entryId());
		assertEquals("Carol Example", carol.properties().get("PR_DISPLAY_NAME"));
		assertEquals("carol@example.org", carol.properties().get("PR_EMAIL_ADDRESS"));
		assertEquals("SMTP", carol.properties().get("PR_ADDRTYPE"));
		PropObject dave = logon.openEntry(contents.get(1), 0);
		assertEquals("dave@example.org", dave.properties().get("PR_DISPLAY_NAME"));
		assertEquals(support.uids.get(0), dave.entryId().uid());
	}

	@Test
	void rootContainerOpensWithoutEntryId() {
		PropObject root = logon.openEntry(null, 0);
		assertEquals(4, root.objectType());
		assertEquals(root.entryId(), logon.openEntry(root.entryId(), 0).entryId());
	}

	@Test
	void defaultContactsWithoutSetting() {
		RecordingSupport other = new RecordingSupport(ProviderKind.ADDRESS_BOOK, "ab", Map.of());
		AddressBookLogon defaults = new MemAbProvider().logon(other, "test-profile", 0);
		@SuppressWarnings("unchecked")
		List<EntryId> ids = (List<EntryId>) defaults.openEntry(null, 0).properties().get("PR_CONTAINER_CONTENTS");
		assertEquals(List.of("alice@example.org", "bob@example.org"),
				ids.stream().map(id -> defaults.openEntry(id, 0).properties().get("PR_EMAIL_ADDRESS")).toList());
	}

	@Test
	void badContactSettingFailsUnconfiguredBeforeAnythingIsRegistered() {
		RecordingSupport bad = new RecordingSupport(ProviderKind.ADDRESS_BOOK, "ab", Map.of("contacts", "Alice <alice>"));
		MapiException e = assertThrows(MapiException.class, () -> new MemAbProvider().logon(bad, "test-profile", 0));
		assertEquals(ResultCode.MAPI_E_UNCONFIGURED, e.code());
		assertTrue(e.getMessage().contains("Alice <alice>"), e.getMessage());
		assertEquals(List.of("OpenProfileSection"), bad.calls);
	}

	@Test
	void entryIdOfAnotherUidIsInvalid() {
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(MapiUid.random(), contents().get(0).providerData()));
	}

	@Test
	void garbageProviderDataIsInvalid() {
		MapiUid uid = support.uids.get(0);
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, "garbage".getBytes()));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[] { 1, 3, 0, 0, 0, 1 }));
	}

	@Test
	void tooShortEntryIdIsInvalid() {
		MapiUid uid = support.uids.get(0);
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[0]));
		byte[] carol = contents().get(0).toByteArray();
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, Arrays.copyOfRange(carol, EntryId.MIN_SIZE, carol.length - 1)));
		MapiException e = assertThrows(MapiException.class, () -> EntryId.of(Arrays.copyOf(carol, EntryId.MIN_SIZE - 1)));
		assertEquals(ResultCode.MAPI_E_INVALID_ENTRYID, e.code());
	}

	@Test
	void unknownContactIsNotFound() {
		assertCode(ResultCode.MAPI_E_NOT_FOUND, EntryId.of(support.uids.get(0), new byte[] { 1, 6, 0, 0, 0, 3 }));
	}

	@Test
	void logoffKeepsSupportAndReleaseReleasesItOnceLast() {
		logon.logoff(0);
		assertEquals(0, support.count("Release"));
		logon.release();
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
	}

	@Test
	void callsAfterLogoffOrReleaseAreProgrammingErrors() {
		EntryId carol = contents().get(0);
		logon.logoff(0);
		assertThrows(IllegalStateException.class, () -> logon.openEntry(carol, 0));
		assertThrows(IllegalStateException.class, () -> logon.logoff(0));
		logon.release();
		assertThrows(IllegalStateException.class, logon::release);
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
	}

	@SuppressWarnings("unchecked")
	private List<EntryId> contents() {
		return (List<EntryId>) logon.openEntry(null, 0).properties().get("PR_CONTAINER_CONTENTS");
	}

	private void assertCode(ResultCode expected, EntryId entryId) {
		MapiException e = assertThrows(MapiException.class, () -> logon.openEntry(entryId, 0));
		assertEquals(expected, e.code(), e.getMessage());
	}
}

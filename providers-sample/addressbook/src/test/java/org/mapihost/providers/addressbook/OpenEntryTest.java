package org.mapihost.providers.addressbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mapihost.providers.addressbook.VCardFiles.ALICE;
import static org.mapihost.providers.addressbook.VCardFiles.BOB;
import static org.mapihost.providers.addressbook.VCardFiles.NO_ADDRESS;
import static org.mapihost.providers.addressbook.VCardFiles.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.OpenEntryFlag;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.PropObject;
import org.mapihost.providers.addressbook.vcard.ContactId;
import org.mapihost.providers.addressbook.vcard.EntryIdCodec;
import org.mapihost.providers.addressbook.vcard.OneOffAddress;
import org.mapihost.providers.testkit.RecordingSupport;

class OpenEntryTest {
	@TempDir
	Path dir;

	private Path file;
	private RecordingSupport support;
	private AddressBookLogon logon;

	@BeforeEach
	void logOn() throws IOException {
		file = write(dir.resolve("contacts.vcf"), ALICE, BOB, NO_ADDRESS);
		support = VCardAbLogonTest.support(Map.of("file", file.toString(), "displayName", "Friends"));
		VCardAddressBookProvider provider = new VCardAddressBookProvider();
		provider.log = new RecordingLogger().logger;
		logon = provider.logon(support, "test-profile", 0);
	}

	@Test
	void withoutAnEntryIdTheRootContainerOpens() {
		PropObject root = logon.openEntry(null, 0);
		assertEquals(4, root.objectType());
		assertEquals(4, root.properties().get("PR_OBJECT_TYPE"));
		assertEquals("Friends", root.properties().get("PR_DISPLAY_NAME"));
		assertEquals(3, root.properties().get("PR_CONTENT_COUNT"));
		assertEquals(support.uids.get(0), root.entryId().uid());
		assertEquals(root.properties(), logon.openEntry(root.entryId(), OpenEntryFlag.MAPI_BEST_ACCESS.value()).properties());
	}

	@Test
	void contactsOpenAsMailUsers() {
		List<EntryId> contents = contents();
		PropObject alice = logon.openEntry(EntryId.of(contents.get(0).toByteArray()), 0);
		assertEquals(6, alice.objectType());
		assertEquals(contents.get(0), alice.entryId());
		Map<String, Object> properties = alice.properties();
		assertEquals(6, properties.get("PR_OBJECT_TYPE"));
		assertEquals("Alice Smith", properties.get("PR_DISPLAY_NAME"));
		assertEquals("SMTP", properties.get("PR_ADDRTYPE"));
		assertEquals("alice@example.org", properties.get("PR_EMAIL_ADDRESS"));
		assertEquals("SMTP:alice@example.org", properties.get("PR_SEARCH_KEY"));

		Map<String, Object> bob = logon.openEntry(contents.get(1), 0).properties();
		assertEquals("PEER", bob.get("PR_ADDRTYPE"));
		assertEquals("bob", bob.get("PR_EMAIL_ADDRESS"));
		assertEquals("bob@example.org", bob.get("PR_SMTP_ADDRESS"));

		Map<String, Object> nora = logon.openEntry(contents.get(2), 0).properties();
		assertEquals("Nora Noaddress", nora.get("PR_DISPLAY_NAME"));
		assertFalse(nora.containsKey("PR_ADDRTYPE"));
	}

	@Test
	void entryIdsSurviveANewLogonAndAChangedFile() throws IOException {
		EntryId alice = contents().get(0);
		write(file, VCardFiles.DAVE, ALICE);
		RecordingSupport next = VCardAbLogonTest.support(Map.of("file", file.toString()));
		VCardAddressBookProvider provider = new VCardAddressBookProvider();
		provider.log = new RecordingLogger().logger;
		AddressBookLogon again = provider.logon(next, "test-profile", 0);
		assertEquals("Alice Smith", again.openEntry(alice, 0).properties().get("PR_DISPLAY_NAME"));
	}

	@Test
	void oneOffEntryIdsOpenAsMailUsers() {
		EntryId entryId = EntryIdCodec.toEntryId(support.uids.get(0), new OneOffAddress("PEER", "dora"));
		PropObject dora = logon.openEntry(entryId, 0);
		assertEquals(6, dora.objectType());
		assertEquals("PEER:dora", dora.properties().get("PR_SEARCH_KEY"));
		assertEquals("dora", dora.properties().get("PR_DISPLAY_NAME"));
	}

	@Test
	void craftedEntryIdsAreInvalid() {
		MapiUid uid = support.uids.get(0);
		byte[] alice = contents().get(0).toByteArray();
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(MapiUid.random(), contents().get(0).providerData()));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[0]));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, "garbage".getBytes()));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(Arrays.copyOf(alice, alice.length - 1)));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(Arrays.copyOf(alice, alice.length + 1)));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[] { 1, 3, 0 }));
		assertCode(ResultCode.MAPI_E_INVALID_ENTRYID, EntryId.of(uid, new byte[] { 1, 2, 4, 's', 'm', 't', 'p', 0, 1, 'x' }));
	}

	@Test
	void aWellFormedEntryIdOfNoContactIsNotFound() throws IOException {
		EntryId bob = contents().get(1);
		assertCode(ResultCode.MAPI_E_NOT_FOUND, EntryIdCodec.toEntryId(support.uids.get(0), ContactId.fromUid("nobody")));
		write(file, ALICE);
		assertCode(ResultCode.MAPI_E_NOT_FOUND, bob);
	}

	@Test
	void theAddressBookIsReadOnly() {
		MapiException e = assertThrows(MapiException.class, () -> logon.openEntry(null, OpenEntryFlag.MAPI_MODIFY.value()));
		assertEquals(ResultCode.MAPI_E_NO_ACCESS, e.code());
		e = assertThrows(MapiException.class, () -> logon.openEntry(null, 0x4000));
		assertEquals(ResultCode.MAPI_E_UNKNOWN_FLAGS, e.code());
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

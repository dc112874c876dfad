package org.mapihost.itests.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiSession;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.api.Resolution;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;

/**
 * Two profiles on one host mail each other with no server: Maildir stores, one vCard address
 * book and the peer transport. Also what a sender gets for a recipient no transport takes,
 * name resolution, and entry IDs crafted to reach outside a store.
 */
class MailIT extends MailTestSupport {
	private static final String CARDS = String.join("\r\n", "BEGIN:VCARD", "VERSION:4.0", "FN:Alice Liddell", "N:Liddell;Alice;;;", "EMAIL:alice@example.org",
			"X-MAPIHOST-ADDRESS:PEER:alice", "END:VCARD", "BEGIN:VCARD", "VERSION:4.0", "FN:Bob Builder", "N:Builder;Bob;;;", "EMAIL:bob@example.org",
			"X-MAPIHOST-ADDRESS:PEER:bob", "END:VCARD", "BEGIN:VCARD", "VERSION:4.0", "FN:Bob Marley", "N:Marley;Bob;;;", "EMAIL:marley@example.org",
			"END:VCARD", "");

	@TempDir
	Path data;

	@Test
	void aliceMailsBobByNameThroughThePeerTransport() throws Exception {
		MapiSession alice = logon(person("alice"));
		MapiSession bob = logon(person("bob"));
		MsgStore aliceStore = alice.openMsgStore("store", STORE_FLAGS);
		MsgStore bobStore = bob.openMsgStore("store", STORE_FLAGS);
		long start = mark();

		Recipient to = resolve(alice, "Bob Builder").recipient();
		assertEquals(new Recipient("Bob Builder", "PEER", "bob"), to);
		EntryId draft = aliceStore.saveMessage(drafts(aliceStore), Message.draft("Lunch", null, List.of(to), "At noon?"));
		aliceStore.submitMessage(draft);

		watch.await(start, "delivery into Bob's Inbox", TIMEOUT, e -> e.call().equals("IXPLogon::StartMessage") && bob.id().equals(e.session()));
		List<MessageRow> inbox = bobStore.contents(bobStore.folder("Inbox"));
		assertEquals(1, inbox.size(), inbox::toString);
		Message received = bobStore.readMessage(inbox.get(0).entryId());
		assertEquals("Lunch", received.subject());
		assertEquals("At noon?", received.body().strip());
		assertEquals("PEER:alice", received.sender().searchKey());
		assertTrue(received.deliveryTime() != null && !received.read());
		watch.await(start, "Alice's FinishedMsg", TIMEOUT, e -> e.call().equals("IMsgStore::FinishedMsg"));
		assertEquals(List.of("Lunch"), subjects(aliceStore, "Sent Items"));
		assertEquals(List.of(), subjects(aliceStore, "Outbox"));
		assertEquals(List.of(), since(start).violations());

		for (MsgStore store : List.of(aliceStore, bobStore)) {
			assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_ORDERLY.value()));
			store.release();
		}
		alice.logoff(0);
		bob.logoff(0);
		alice.release();
		bob.release();
	}

	@Test
	void aRecipientNoTransportTakesGetsTheSenderANonDeliveryReport() throws Exception {
		MapiSession alice = logon(person("alice"));
		MsgStore store = alice.openMsgStore("store", STORE_FLAGS);
		long start = mark();
		EntryId draft = store.saveMessage(drafts(store), Message.draft("To nowhere", null,
				List.of(new Recipient("Nobody", "X400", "c=us;a=;p=none"), new Recipient("Ghost", "PEER", "ghost")), "Hello?"));
		store.submitMessage(draft);

		watch.await(start, "Alice's FinishedMsg", TIMEOUT, e -> e.call().equals("IMsgStore::FinishedMsg"));
		List<MessageRow> inbox = store.contents(store.folder("Inbox"));
		assertEquals(1, inbox.size(), "one report for both recipients: " + inbox);
		Message report = store.readMessage(inbox.get(0).entryId());
		assertTrue(report.subject().startsWith("Undeliverable"), report.subject());
		assertTrue(report.body().contains("X400:c=us;a=;p=none") && report.body().contains("no transport"), report.body());
		assertTrue(report.body().contains("PEER:ghost") && report.body().contains("no local mailbox"), report.body());
		assertEquals(List.of("To nowhere"), subjects(store, "Sent Items"));
		store.release();
		alice.logoff(0);
		alice.release();
	}

	@Test
	void namesResolveToOneSeveralOrNoEntriesAndOneOffsToThemselves() throws Exception {
		MapiSession alice = logon(person("alice"));
		Resolution bo = resolve(alice, "Bo");
		assertTrue(bo.ambiguous(), bo::toString);
		assertEquals(2, bo.matches().size(), bo::toString);
		assertFails(ResultCode.MAPI_E_AMBIGUOUS_RECIP, bo::recipient);
		assertEquals("PEER:bob", resolve(alice, "Bob").recipient().searchKey(), "an exact mailbox name wins over name prefixes");
		assertEquals("SMTP:marley@example.org", resolve(alice, "Marley").recipient().searchKey());
		Resolution nobody = resolve(alice, "Zaphod");
		assertFalse(nobody.resolved() || nobody.ambiguous());
		assertFails(ResultCode.MAPI_E_NOT_FOUND, nobody::recipient);
		assertEquals("SMTP:someone@example.net", resolve(alice, "SMTP:someone@example.net").recipient().searchKey());
		alice.logoff(0);
		alice.release();
	}

	@Test
	void craftedEntryIdsCannotReachOutsideTheStore() throws Exception {
		Files.writeString(data.resolve("secret.txt"), "outside the store");
		MapiSession alice = logon(person("alice"));
		MsgStore store = alice.openMsgStore("store", STORE_FLAGS);
		EntryId inbox = store.folder("Inbox");
		byte[] real = inbox.toByteArray();
		byte[] uidPart = Arrays.copyOf(real, EntryId.MIN_SIZE);
		for (String attack : List.of("../secret.txt", "../../etc/passwd", "/etc/passwd", ".Inbox/../../secret.txt", "\u0000", "")) {
			byte[] tail = attack.getBytes(StandardCharsets.UTF_8);
			byte[] crafted = Arrays.copyOf(uidPart, uidPart.length + tail.length);
			System.arraycopy(tail, 0, crafted, uidPart.length, tail.length);
			EntryId entryId = EntryId.of(crafted);
			assertFails(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.readMessage(entryId));
			assertFails(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.contents(entryId));
		}
		byte[] flipped = real.clone();
		flipped[EntryId.FLAGS_SIZE] ^= 0x55;
		assertFails(ResultCode.MAPI_E_INVALID_ENTRYID, () -> store.contents(EntryId.of(flipped)));
		assertEquals("outside the store", Files.readString(data.resolve("secret.txt")));
		store.release();
		alice.logoff(0);
		alice.release();
	}

	private String person(String name) throws Exception {
		Path contacts = data.resolve("contacts.vcf");
		if (!Files.exists(contacts)) {
			Files.writeString(contacts, CARDS);
		}
		return profile(Map.of("entries", "store, contacts, peer",
				"store.provider", STORE, "store.root", data.resolve(name).toString(),
				"store.identityName", name, "store.identityAddress", "PEER:" + name,
				"contacts.provider", ADDRESS_BOOK, "contacts.file", contacts.toString(),
				"peer.provider", PEER, "peer.mailbox", name, "peer.dropFolder", data.resolve("drop").toString()));
	}

	private static Resolution resolve(MapiSession session, String name) {
		AddressBook addressBook = session.openAddressBook(0);
		try {
			return addressBook.resolveName(name);
		} finally {
			addressBook.release();
		}
	}
}

package org.mapihost.providers.transport.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mapihost.providers.transport.peer.Peers.message;
import static org.mapihost.providers.transport.peer.Peers.peer;
import static org.mapihost.providers.transport.peer.Peers.smtp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.MapiException;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.InboundMessage;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.Undeliverable;

class PeerLogonTest {
	@TempDir
	Path dropFolder;

	private Peers peers;
	private PeerLogon alice;
	private PeerLogon bob;

	@BeforeEach
	void logOn() {
		peers = new Peers(dropFolder);
		alice = peers.logOn("alice");
		bob = peers.logOn("bob");
	}

	@Test
	void logonCreatesTheMailboxFolders() {
		for (String sub : List.of("tmp", "new", "cur")) {
			assertTrue(Files.isDirectory(dropFolder.resolve("alice").resolve(sub)), sub);
		}
	}

	@Test
	void aliceSendsBobReceivesAndDeliveredLeavesATombstone() throws IOException {
		OutboundMessage sent = message("m1@alice", peer("bob"));
		assertEquals(List.of(), alice.submitMessage(sent, List.of(peer("bob"))));
		assertEquals(List.of(), alice.poll());

		List<InboundMessage> received = bob.poll();
		assertEquals(1, received.size());
		InboundMessage message = received.get(0);
		assertArrayEquals(sent.content(), message.content());
		assertEquals(LocalAddresses.deliveryId("m1@alice", "bob"), message.deliveryId());
		assertEquals(received, bob.poll(), "pending until delivered");

		bob.delivered(message);
		assertEquals(List.of(), bob.poll());
		assertEquals(List.of(), files(dropFolder.resolve("bob/new")));
		assertEquals(List.of(message.deliveryId()), files(dropFolder.resolve("bob/cur")));
	}

	@Test
	void theSameMessageSubmittedAgainIsNotWrittenAgain() throws IOException {
		OutboundMessage sent = message("m2@alice", peer("bob"));
		alice.submitMessage(sent, List.of(peer("bob")));
		alice.submitMessage(sent, List.of(peer("bob"), peer("bob")));
		assertEquals(1, bob.poll().size());
		assertEquals(List.of(), files(dropFolder.resolve("bob/tmp")));

		bob.delivered(bob.poll().get(0));
		assertEquals(List.of(), alice.submitMessage(sent, List.of(peer("bob"))));
		assertEquals(List.of(), bob.poll(), "the tombstone in cur/ recognises it");
		assertEquals(1, files(dropFolder.resolve("bob/cur")).size());
	}

	@Test
	void oneMessageToSeveralMailboxesGoesToEach() {
		PeerLogon carol = peers.logOn("carol");
		alice.submitMessage(message("m3@alice"), List.of(peer("bob"), peer("carol"), peer("alice")));
		assertEquals(1, bob.poll().size());
		assertEquals(1, carol.poll().size());
		assertEquals(1, alice.poll().size());
	}

	@Test
	void anUnknownMailboxIsUndeliverableAndTheOthersStillGetIt() {
		List<Undeliverable> refused = alice.submitMessage(message("m4@alice"), List.of(peer("carol"), peer("bob"), peer("../bob")));
		assertEquals(List.of(new Undeliverable(peer("carol"), "no local mailbox carol"),
				new Undeliverable(peer("../bob"), "not a local mailbox address: PEER:../bob")), refused);
		assertEquals(1, bob.poll().size());
		assertFalse(Files.exists(dropFolder.resolve("carol")));
	}

	@Test
	void messagesArriveOldestFirst() throws IOException {
		alice.submitMessage(message("first@alice"), List.of(peer("bob")));
		alice.submitMessage(message("second@alice"), List.of(peer("bob")));
		Path first = dropFolder.resolve("bob/new").resolve(LocalAddresses.deliveryId("first@alice", "bob"));
		Path second = dropFolder.resolve("bob/new").resolve(LocalAddresses.deliveryId("second@alice", "bob"));
		Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
		Files.setLastModifiedTime(second, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
		List<String> order = bob.poll().stream().map(InboundMessage::deliveryId).toList();
		assertEquals(List.of(second.getFileName().toString(), first.getFileName().toString()), order);
	}

	@Test
	void aMessageLargerThanTheLimitIsLeftInNewAndLoggedOnce() throws IOException {
		Path big = dropFolder.resolve("bob/new").resolve(LocalAddresses.deliveryId("big@alice", "bob"));
		try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(PeerLogon.MAX_MESSAGE_BYTES + 1); // sparse: no 64 MiB written
		}
		alice.submitMessage(message("small@alice"), List.of(peer("bob")));
		assertEquals(List.of(LocalAddresses.deliveryId("small@alice", "bob")), bob.poll().stream().map(InboundMessage::deliveryId).toList());
		bob.poll();
		assertTrue(Files.exists(big), "left where it is");
		assertEquals(1, peers.log.lines.stream().filter(l -> l.startsWith("warn") && l.contains(big.getFileName().toString())).count());
	}

	@Test
	void filesInTmpAndForeignNamesInNewAreNeverDelivered() throws IOException {
		Files.write(dropFolder.resolve("bob/tmp/half-written"), new byte[] { 'x' });
		Files.write(dropFolder.resolve("bob/new/1700000000.M1P2.host:2,S"), new byte[] { 'y' });
		assertEquals(List.of(), bob.poll());
		assertTrue(peers.log.lines.stream().anyMatch(l -> l.startsWith("warn") && l.contains("1700000000.M1P2.host:2,S")));
	}

	@Test
	void whileInboundIsDisabledPollReturnsNothing() {
		alice.submitMessage(message("m5@alice"), List.of(peer("bob")));
		bob.transportNotify(NotifyFlag.NOTIFY_END_INBOUND.value());
		assertEquals(List.of(), bob.poll());
		bob.transportNotify(NotifyFlag.NOTIFY_BEGIN_INBOUND.value());
		assertEquals(1, bob.poll().size());
	}

	@Test
	void whileOutboundIsDisabledSubmitFailsAndWritesNothing() throws IOException {
		alice.transportNotify(NotifyFlag.NOTIFY_END_OUTBOUND.value());
		MapiException e = assertThrows(MapiException.class, () -> alice.submitMessage(message("m6@alice"), List.of(peer("bob"))));
		assertEquals(ResultCode.MAPI_E_CALL_FAILED, e.code());
		assertEquals(List.of(), files(dropFolder.resolve("bob/new")));
	}

	@Test
	void aMailboxThatCannotBeWrittenIsANetworkErrorSoTheSpoolerRetries() throws IOException {
		// Root ignores permission bits; a tmp/ that leads into /proc cannot be written by anyone.
		Path proc = Path.of("/proc/self/fdinfo");
		assumeTrue(Files.isDirectory(proc), "needs Linux /proc");
		Path tmp = dropFolder.resolve("bob/tmp");
		Files.delete(tmp);
		Files.createSymbolicLink(tmp, proc);
		MapiException e = assertThrows(MapiException.class, () -> alice.submitMessage(message("m7@alice"), List.of(peer("bob"))));
		assertEquals(ResultCode.MAPI_E_NETWORK_ERROR, e.code());
		assertEquals(List.of(), files(dropFolder.resolve("bob/new")));
	}

	@Test
	void withALocalDomainSmtpAddressesThereAreLocalMailboxes() {
		PeerLogon carol = peers.logOn("carol", PeerSettings.LOCAL_DOMAIN, "Example.org");
		assertEquals(List.of("PEER", "SMTP"), carol.addressTypes());
		assertEquals(List.of("PEER"), alice.addressTypes());
		List<Undeliverable> refused = carol.submitMessage(message("m8@carol"),
				List.of(smtp("Bob@example.ORG"), smtp("alice@elsewhere.org"), smtp("dave@example.org")));
		assertEquals(List.of(new Undeliverable(smtp("alice@elsewhere.org"), "not a local mailbox address: SMTP:alice@elsewhere.org"),
				new Undeliverable(smtp("dave@example.org"), "no local mailbox dave")), refused);
		assertEquals(1, bob.poll().size());
		assertEquals(List.of(), alice.poll());
	}

	@Test
	void withoutALocalDomainSmtpAddressesAreNotLocal() {
		List<Undeliverable> refused = alice.submitMessage(message("m9@alice"), List.of(smtp("bob@example.org")));
		assertEquals(1, refused.size());
		assertEquals(List.of(), bob.poll());
	}

	@Test
	void aDeliveryIdThisLogonNeverGaveIsRefused() {
		MapiException e = assertThrows(MapiException.class, () -> bob.delivered(new InboundMessage("..", new byte[0])));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
	}

	static List<String> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}

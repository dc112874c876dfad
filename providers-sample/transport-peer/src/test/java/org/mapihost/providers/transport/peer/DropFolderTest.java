package org.mapihost.providers.transport.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mapihost.providers.transport.peer.Peers.message;
import static org.mapihost.providers.transport.peer.Peers.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {
	@TempDir
	Path dropFolder;

	@Test
	void aReaderOfNewNeverSeesAHalfWrittenFile() throws Exception {
		Peers peers = new Peers(dropFolder);
		PeerLogon alice = peers.logOn("alice");
		peers.logOn("bob");
		byte[] content = new byte[512 * 1024];
		Arrays.fill(content, (byte) 'x');
		Path newFolder = dropFolder.resolve("bob/new");
		AtomicBoolean done = new AtomicBoolean();
		AtomicInteger filesSeen = new AtomicInteger();
		AtomicReference<String> problem = new AtomicReference<>();
		Thread reader = new Thread(() -> {
			while (!done.get() && problem.get() == null) {
				try {
					for (String name : PeerLogonTest.files(newFolder)) {
						long size = Files.size(newFolder.resolve(name));
						filesSeen.incrementAndGet();
						if (size != content.length) {
							problem.set(name + " had " + size + " bytes");
						}
					}
				} catch (NoSuchFileException e) {
					// listed, then moved: no problem
				} catch (IOException e) {
					problem.set(e.toString());
				}
			}
		}, "new/ reader");
		reader.start();
		for (int i = 0; i < 40; i++) {
			alice.submitMessage(message("big" + i + "@alice", content, peer("bob")), List.of(peer("bob")));
		}
		done.set(true);
		reader.join(TimeUnit.SECONDS.toMillis(30));
		assertFalse(reader.isAlive());
		assertEquals(null, problem.get());
		assertTrue(filesSeen.get() > 0, "the reader saw files while they were being written");
		assertEquals(40, PeerLogonTest.files(newFolder).size());
		assertEquals(List.of(), PeerLogonTest.files(dropFolder.resolve("bob/tmp")));
	}

	@Test
	void foldersAndFilesAreForTheOwnerOnly() throws IOException {
		assumeTrue(dropFolder.getFileSystem().supportedFileAttributeViews().contains("posix"));
		Path root = dropFolder.resolve("drop");
		Peers peers = new Peers(root);
		PeerLogon alice = peers.logOn("alice");
		PeerLogon bob = peers.logOn("bob");
		alice.submitMessage(message("m1@alice"), List.of(peer("bob")));
		alice.submitMessage(message("m2@alice"), List.of(peer("bob")));
		bob.delivered(bob.poll().get(0));

		for (Path directory : List.of(root, root.resolve("bob"), root.resolve("bob/tmp"), root.resolve("bob/new"), root.resolve("bob/cur"))) {
			assertEquals("rwx------", permissions(directory), directory.toString());
		}
		assertEquals(List.of("rw-------"), PeerLogonTest.files(root.resolve("bob/new")).stream()
				.map(name -> permissions(root.resolve("bob/new").resolve(name))).toList());
		assertEquals(List.of("rw-------"), PeerLogonTest.files(root.resolve("bob/cur")).stream()
				.map(name -> permissions(root.resolve("bob/cur").resolve(name))).toList());
	}

	@Test
	void logonDeletesTombstonesOlderThanKeepDeliveredDaysAndStaleTmpFiles() throws IOException {
		Peers peers = new Peers(dropFolder);
		PeerLogon alice = peers.logOn("alice");
		PeerLogon bob = peers.logOn("bob", PeerSettings.KEEP_DELIVERED_DAYS, "3");
		alice.submitMessage(message("old@alice"), List.of(peer("bob")));
		alice.submitMessage(message("recent@alice"), List.of(peer("bob")));
		bob.poll().forEach(bob::delivered);
		Path cur = dropFolder.resolve("bob/cur");
		String old = LocalAddresses.deliveryId("old@alice", "bob");
		Files.setLastModifiedTime(cur.resolve(old), FileTime.from(Instant.now().minus(Duration.ofDays(4))));
		Path staleTmp = Files.write(dropFolder.resolve("bob/tmp/stale"), new byte[1]);
		Files.setLastModifiedTime(staleTmp, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		Path freshTmp = Files.write(dropFolder.resolve("bob/tmp/fresh"), new byte[1]);
		bob.transportLogoff(0);

		peers.logOn("bob", PeerSettings.KEEP_DELIVERED_DAYS, "3");
		assertEquals(List.of(LocalAddresses.deliveryId("recent@alice", "bob")), PeerLogonTest.files(cur));
		assertFalse(Files.exists(staleTmp));
		assertTrue(Files.exists(freshTmp));
		assertTrue(peers.log.lines.stream().anyMatch(l -> l.startsWith("info Mailbox {}: deleted") && l.contains("[bob, 1, 3, 1]")),
				peers.log.lines.toString());
	}

	@Test
	void theDeliveryIdDependsOnMessageAndMailboxOnly() {
		String id = LocalAddresses.deliveryId("m@alice", "bob");
		assertEquals(id, LocalAddresses.deliveryId("m@alice", "bob"));
		assertFalse(id.equals(LocalAddresses.deliveryId("m@alice", "carol")));
		assertFalse(id.equals(LocalAddresses.deliveryId("n@alice", "bob")));
		assertTrue(id.matches("[0-9a-f]{40}"), id);
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}

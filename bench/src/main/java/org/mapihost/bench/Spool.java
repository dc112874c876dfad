package org.mapihost.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mapihost.api.EntryId;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.Message;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.bench.felix.Configs;
import org.mapihost.bench.felix.EmbeddedFelix;
import org.mapihost.bench.harness.Benchmark;
import org.mapihost.bench.harness.Files2;
import org.mapihost.bench.harness.Result;
import org.mapihost.bench.harness.Settings;
import org.mapihost.bench.harness.Target;

/**
 * spool: messages submitted into alice's Outbox (a MAPI_NO_MAIL session, not timed) are sent by
 * her spooler through the peer transport and land in bob's Maildir Inbox (his spooler, already
 * running); timed from alice's logon to the last file in bob's Inbox. The real Maildir store and
 * peer transport, every file fsync'd. Baseline: a plain loop writing the delivered files' bytes
 * into a Maildir the classic way (tmp/, fsync, rename into new/, fsync the folder).
 */
final class Spool implements Benchmark {
	static final double MIN_RATIO = 0.5;
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	static final long DELIVERY_TIMEOUT_MINUTES = 30;
	static final long INBOX_CHECK_MILLIS = 50;

	@Override
	public String name() {
		return "spool";
	}

	@Override
	public Result run(Settings settings) throws Exception {
		// -Dbench.spool.messages=N overrides the count, for profiling the spool alone
		int messages = Integer.getInteger("bench.spool.messages", settings.quick() ? 100 : 10_000);
		Path work = settings.work(name());
		Path data = work.resolve("data");
		List<String> jars = new ArrayList<>(EmbeddedFelix.BASE);
		jars.addAll(List.of(EmbeddedFelix.RUNTIME, "store.jar", "peer.jar"));
		Path bobInbox = data.resolve("bob/Maildir");
		double seconds;
		try (EmbeddedFelix felix = EmbeddedFelix.start(work.resolve("framework"), settings.bundles(), jars,
				Map.of("mapihost.spooler.pollMillis", "50"))) {
			Files2.deleteTree(data);
			Configs configs = new Configs(felix);
			configs.profile("alice", person(data, "alice", "Alice"));
			configs.profile("bob", person(data, "bob", "Bob"));
			Mapi mapi = felix.service(Mapi.class);
			mapi.initialize(0);
			Configs.awaitProfile(mapi, "alice");
			Configs.awaitProfile(mapi, "bob");
			fillOutbox(mapi, messages);

			MapiSession bob = mapi.logon("bob", LOGON_FLAGS);
			MsgStore bobStore = bob.openMsgStore("store", STORE_FLAGS);
			long start = System.nanoTime();
			MapiSession alice = mapi.logon("alice", LOGON_FLAGS);
			MsgStore aliceStore = alice.openMsgStore("store", STORE_FLAGS);
			long deadline = start + TimeUnit.MINUTES.toNanos(DELIVERY_TIMEOUT_MINUTES);
			while (inbox(bobInbox) < messages) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("after " + DELIVERY_TIMEOUT_MINUTES + " min bob's Inbox holds " + inbox(bobInbox)
							+ " of " + messages + " messages");
				}
				// listing bob's Inbox (up to N files) takes CPU from the spoolers on a small machine: not too often
				Thread.sleep(INBOX_CHECK_MILLIS);
			}
			seconds = (System.nanoTime() - start) / 1e9;
			for (MsgStore store : List.of(aliceStore, bobStore)) {
				store.release();
			}
			alice.logoff(0);
			bob.logoff(0);
			alice.release();
			bob.release();
			mapi.uninitialize();
		}
		List<byte[]> delivered = delivered(bobInbox);
		if (delivered.size() != messages) {
			throw new IllegalStateException("bob's Inbox holds " + delivered.size() + " messages, not " + messages);
		}
		double baselineSeconds = baseline(work.resolve("baseline"), delivered);
		double rate = Result.measured("runtime msgs/s", messages / seconds);
		double baseRate = Result.measured("baseline msgs/s", messages / baselineSeconds);
		double ratio = rate / baseRate;
		long bytes = delivered.stream().mapToLong(b -> b.length).sum();
		return new Result(name()).runtime(Result.format(rate) + " msgs/s")
				.baseline(Result.format(baseRate) + " msgs/s")
				.target(Target.atLeast("ratio runtime/baseline", ratio, MIN_RATIO))
				.raw("messages", messages).raw("runtime seconds", seconds).raw("runtime msgs/s", rate)
				.raw("baseline seconds", baselineSeconds).raw("baseline msgs/s", baseRate).raw("ratio (runtime/baseline rate)", ratio)
				.raw("average message bytes", bytes / messages)
				.note("Alice submits every message first in a MAPI_NO_MAIL session (not timed); then, timed, Bob is logged on"
						+ " already and Alice logs on and opens her store: her spooler hands each message to the peer transport"
						+ " (drop folder) and moves it to Sent Items, Bob's spooler takes it from the drop folder into his Inbox."
						+ " Spooler poll 50 ms. The time ends when bob/Maildir/new and cur hold every message.")
				.note("Baseline: the delivered files' bytes written one by one to tmp/, fsync, rename into new/, fsync of new/.");
	}

	private static Map<String, Object> person(Path data, String mailbox, String name) {
		return Map.of("entries", "store, peer",
				"store.provider", "org.mapihost.providers.store",
				"store.root", data.resolve(mailbox).resolve("Maildir").toString(),
				"store.identityName", name,
				"store.identityAddress", "PEER:" + mailbox,
				"peer.provider", "org.mapihost.providers.transport.peer",
				"peer.mailbox", mailbox,
				"peer.dropFolder", data.resolve("drop").toString());
	}

	private static void fillOutbox(Mapi mapi, int messages) {
		MapiSession alice = mapi.logon("alice", LOGON_FLAGS | LogonFlag.MAPI_NO_MAIL.value());
		MsgStore store = alice.openMsgStore("store", STORE_FLAGS);
		EntryId drafts = store.createFolder("Drafts");
		Recipient bob = new Recipient("Bob", "PEER", "bob");
		for (int i = 0; i < messages; i++) {
			EntryId draft = store.saveMessage(drafts, Message.draft("Message " + i, null, List.of(bob),
					"Message number " + i + " of the spool benchmark.\nA second line, so the body is a little more than one line."));
			store.submitMessage(draft);
		}
		store.release();
		alice.logoff(0);
		alice.release();
	}

	private static int inbox(Path maildir) {
		return Files2.countFiles(maildir.resolve("new")) + Files2.countFiles(maildir.resolve("cur"));
	}

	private static List<byte[]> delivered(Path maildir) throws IOException {
		List<byte[]> files = new ArrayList<>();
		for (String sub : List.of("new", "cur")) {
			Path folder = maildir.resolve(sub);
			if (Files.isDirectory(folder)) {
				try (Stream<Path> list = Files.list(folder)) {
					for (Path file : list.sorted().toList()) {
						files.add(Files.readAllBytes(file));
					}
				}
			}
		}
		return files;
	}

	private static double baseline(Path maildir, List<byte[]> messages) throws IOException {
		Files2.deleteTree(maildir);
		Path tmp = Files.createDirectories(maildir.resolve("tmp"));
		Path fresh = Files.createDirectories(maildir.resolve("new"));
		Files.createDirectories(maildir.resolve("cur"));
		long start = System.nanoTime();
		int serial = 0;
		for (byte[] message : messages) {
			String name = System.currentTimeMillis() + ".M" + serial++ + ".bench";
			Path file = tmp.resolve(name);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(message);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(file, fresh.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			try (FileChannel directory = FileChannel.open(fresh, StandardOpenOption.READ)) {
				directory.force(true);
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}
}

package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: the host, a separate JVM, is killed with SIGKILL ({@code kill -9}) again and
 * again while it spools {@value #FULL_RUN} messages from Alice's Maildir store through the peer
 * transport's drop folder into Bob's; after a clean restart every message is exactly once in
 * Bob's Inbox or still in Alice's Outbox (here: all in the Inbox, since the last run waits until
 * the spooler is done), and the Maildirs the store wrote are read by an independent reader,
 * Python's {@code mailbox} module, in which every message parses.
 * <p>
 * First the messages are queued: a profile of {@code etc/} with Alice's store and an SMTP
 * transport whose server refuses connections submits them all, so they wait in the Outbox
 * (addressed {@code SMTP:bob@example.org}, which the peer transport takes as mailbox
 * {@code bob} of its local domain). Then each {@link KillPoint} starts the host with the sample
 * profiles, watches the file system until the spooler has got that far, and kills it; the
 * Maildirs must be consistent after every kill. {@code -Dmapihost.crash.messages=N} runs fewer
 * messages (kill points scale with it); {@value #FULL_RUN} is the full run and the default.
 */
class CrashIT {
	static final int FULL_RUN = 1000;
	private static final int MESSAGES = Integer.getInteger("mapihost.crash.messages", FULL_RUN);
	private static final long STEP_TIMEOUT_SECONDS = 120;
	private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	/** The stages of a message, as files the test counts: directories under {@code data/}. */
	enum Stage {
		OUTBOX("alice/Maildir/.Outbox/new", "alice/Maildir/.Outbox/cur"),
		SENT("alice/Maildir/.Sent Items/new", "alice/Maildir/.Sent Items/cur"),
		DROP_NEW("drop/bob/new"),
		DROP_CUR("drop/bob/cur"),
		INBOX("bob/Maildir/new", "bob/Maildir/cur");

		private final List<String> directories;

		Stage(String... directories) {
			this.directories = List.of(directories);
		}

		int count(Path data) {
			int files = 0;
			for (String directory : directories) {
				try (Stream<Path> list = Files.list(data.resolve(directory))) {
					files += (int) list.count();
				} catch (IOException e) {
					// not created yet: no messages there
				}
			}
			return files;
		}
	}

	/**
	 * Where a run is killed: which profiles log on and open their stores, and how far
	 * {@code stage} must have got since the run started.
	 */
	record KillPoint(String what, boolean alice, boolean bob, Stage stage, int step) {
	}

	private static final List<KillPoint> KILL_POINTS = List.of(
			new KillPoint("Alice spools alone, killed once 15% more are in drop/bob/new", true, false, Stage.DROP_NEW, share(150)),
			new KillPoint("Bob receives alone, killed once 5% more are delivered (drop/bob/cur)", false, true, Stage.DROP_CUR, share(50)),
			new KillPoint("Alice spools alone, killed at the first hand-over after the restart", true, false, Stage.DROP_NEW, 1),
			new KillPoint("both spool, killed once Bob's Inbox holds 25% more", true, true, Stage.INBOX, share(250)),
			new KillPoint("both spool, killed at the first delivery after the restart", true, true, Stage.INBOX, 1));

	private static Path jar;
	private static Path reader;

	@TempDir
	Path work;

	@BeforeAll
	static void findJarAndPython(@TempDir Path dir) throws Exception {
		jar = Path.of(System.getProperty("mapihost.jar", "target/mapihost.jar")).toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn verify (bnd-export makes it in package)");
		reader = MaildirReport.installScript(dir);
	}

	@Test
	void killedWhileSpoolingEveryMessageEndsUpExactlyOnce() throws Exception {
		long start = System.nanoTime();
		List<String> findings = new ArrayList<>();
		List<String> table = new ArrayList<>() {
			@Override
			public boolean add(String line) {
				System.out.println("CrashIT: " + line);
				return super.add(line);
			}
		};

		long millis = queue();
		MaildirReport queued = report();
		assertEquals(subjects().stream().collect(Collectors.toMap(s -> s, s -> 1)), queued.subjects("alice", "Outbox"),
				"every message waits in Alice's Outbox once");
		assertEquals(MESSAGES, queued.rows().size(), () -> "nothing but the Outbox holds a message: " + queued.rows());
		table.add(String.format("queued %d messages in %d ms: %s", MESSAGES, millis, progress()));

		for (int i = 0; i < KILL_POINTS.size(); i++) {
			KillPoint point = KILL_POINTS.get(i);
			Map<Stage, Integer> before = progress();
			millis = killRun(i + 1, point);
			Map<Stage, Integer> after = progress();
			MaildirReport report = report();
			findings.addAll(consistent("after kill " + (i + 1), report, false));
			table.add(String.format("kill %d (%s): killed after %d ms; before %s; after %s; tmp files %d", i + 1, point.what(),
					millis, before, after, tmpFiles().size()));
		}

		Set<String> tmpBefore = tmpFiles();
		millis = finalRun();
		MaildirReport last = report();
		findings.addAll(consistent("after the clean restart", last, true));
		Set<String> tmpAfter = tmpFiles();
		Set<String> newTmp = new TreeSet<>(tmpAfter);
		newTmp.removeAll(tmpBefore);
		if (!newTmp.isEmpty()) {
			findings.add("the clean run left files in tmp/: " + newTmp);
		}
		table.add(String.format("clean restart: done after %d ms: %s; Inbox new/ %d, cur/ %d; tmp files left by the kills %d: %s",
				millis, progress(), last.count("bob", "Inbox", "new"), last.count("bob", "Inbox", "cur"), tmpAfter.size(), tmpAfter));
		table.add(String.format("total %d s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));

		assertEquals(List.of(), findings, () -> "the Maildirs after the kills:\n" + String.join("\n", table));
	}

	/** Alice's profile with an SMTP transport no server answers: the spooler retries, the messages stay in the Outbox. */
	private long queue() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort(); // closed again below: connections are refused
		}
		Path data = data();
		Files.createDirectories(work.resolve("etc"));
		Files.writeString(work.resolve("etc/org.mapihost.profile-queue.cfg"), """
				name = queue
				entries = store, contacts, smtp
				store.provider = org.mapihost.providers.store
				store.root = %s
				store.identityName = Alice
				store.identityAddress = PEER:alice
				contacts.provider = org.mapihost.providers.addressbook
				contacts.file = %s
				smtp.provider = org.mapihost.providers.transport.smtp
				smtp.host = 127.0.0.1
				smtp.port = %d
				smtp.envelopeFrom = alice@example.org
				smtp.timeoutMillis = 2000
				""".formatted(data.resolve("alice/Maildir"), data.resolve("contacts.vcf"), port));
		// Bob's logon creates his mailbox in the drop folder, his open store his Maildir
		StringBuilder script = new StringBuilder("mapi:init\nmapi:logon queue\nmapi:logon bob\nmapi:open-store s1\nmapi:open-store s2\n");
		for (String subject : subjects()) {
			script.append("mapi:send ms1 SMTP:bob@example.org ").append(subject).append(" \"body of ").append(subject).append(" end\"\n");
		}
		script.append("mapi:store-logoff ms1 orderly\nmapi:release ms1\nmapi:store-logoff ms2 orderly\nmapi:release ms2\n"
				+ "mapi:logoff s1\nmapi:logoff s2\nmapi:uninit\n");
		try (HostProcess host = HostProcess.start(jar, work, "queue")) {
			host.send(script.toString());
			int exit = host.finish(STEP_TIMEOUT_SECONDS);
			assertEquals(0, exit, () -> "queueing the messages\n" + transcript(host));
			return host.millis();
		}
	}

	private long killRun(int number, KillPoint point) throws Exception {
		int target = point.stage().count(data()) + point.step();
		try (HostProcess host = HostProcess.start(jar, work, "kill-" + number)) {
			host.send(logons(point.alice(), point.bob()));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_TIMEOUT_SECONDS);
			while (point.stage().count(data()) < target) {
				if (!host.isAlive() || System.nanoTime() > deadline) {
					fail("kill " + number + " (" + point.what() + "): " + point.stage() + " did not reach " + target + " within "
							+ STEP_TIMEOUT_SECONDS + " s (host alive: " + host.isAlive() + "); " + progress() + "\n" + transcript(host));
				}
				LockSupport.parkNanos(WATCH_NANOS);
			}
			host.kill();
			return host.millis();
		}
	}

	/** Both sessions until the spooler is done (watched on the file system), then an orderly shutdown. */
	private long finalRun() throws Exception {
		try (HostProcess host = HostProcess.start(jar, work, "final")) {
			host.send(logons(true, true));
			Predicate<Map<Stage, Integer>> done = p -> p.get(Stage.OUTBOX) == 0 && p.get(Stage.DROP_NEW) == 0
					&& p.get(Stage.INBOX) >= MESSAGES && p.get(Stage.SENT) >= MESSAGES;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_TIMEOUT_SECONDS);
			while (!done.test(progress()) && host.isAlive() && System.nanoTime() < deadline) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
			// when it never got done, the checks below say which message is where
			host.send("""
					mapi:contents ms1 Outbox
					mapi:store-logoff ms1 orderly
					mapi:release ms1
					mapi:store-logoff ms2 orderly
					mapi:release ms2
					mapi:logoff s1
					mapi:logoff s2
					mapi:uninit
					""");
			int exit = host.finish(STEP_TIMEOUT_SECONDS);
			assertEquals(0, exit, () -> "the clean run\n" + transcript(host));
			assertTrue(host.out().contains("Outbox is empty"), () -> "the store's own view: the Outbox is empty\n" + transcript(host));
			return host.millis();
		}
	}

	private static String logons(boolean alice, boolean bob) {
		StringBuilder script = new StringBuilder("mapi:init\n");
		if (alice) {
			script.append("mapi:logon alice\n");
		}
		if (bob) {
			script.append("mapi:logon bob\n");
		}
		script.append("mapi:open-store s1\n");
		if (alice && bob) {
			script.append("mapi:open-store s2\n");
		}
		return script.toString();
	}

	/**
	 * The invariants, message by message. Always: in Alice's Outbox or Sent Items exactly once;
	 * in Bob's Inbox at most once; once in Sent Items, in Bob's Inbox or waiting in the drop
	 * folder; once delivered in the drop folder (a tombstone in cur/), in Bob's Inbox; no
	 * non-delivery report, no draft; every file parses. When {@code quiet}: exactly once in Bob's
	 * Inbox or still in the Outbox, and in fact all delivered.
	 */
	private List<String> consistent(String when, MaildirReport report, boolean quiet) {
		List<String> findings = new ArrayList<>();
		Map<String, Integer> outbox = report.subjects("alice", "Outbox");
		Map<String, Integer> sent = report.subjects("alice", "Sent Items");
		Map<String, Integer> inbox = report.subjects("bob", "Inbox");
		Map<String, Integer> waiting = new LinkedHashMap<>();
		Map<String, Integer> tombstones = new LinkedHashMap<>();
		report.rows().stream().filter(r -> r.store().equals("drop")).forEach(r -> (r.subdir().equals("new") ? waiting : tombstones)
				.merge(r.subject(), 1, Integer::sum));
		for (String s : subjects()) {
			int o = outbox.getOrDefault(s, 0);
			int t = sent.getOrDefault(s, 0);
			int i = inbox.getOrDefault(s, 0);
			String where = s + " (Outbox " + o + ", Sent Items " + t + ", Bob's Inbox " + i + ", drop new/ " + waiting.getOrDefault(s, 0)
					+ ", drop cur/ " + tombstones.getOrDefault(s, 0) + ")";
			if (o + t != 1) {
				findings.add(when + ": " + (o + t == 0 ? "lost from Alice's store: " : "twice in Alice's store: ") + where);
			}
			if (i > 1) {
				findings.add(when + ": duplicated in Bob's Inbox: " + where);
			}
			if (t == 1 && i == 0 && !waiting.containsKey(s)) {
				findings.add(when + ": in Sent Items but neither in Bob's Inbox nor in the drop folder: " + where);
			}
			if (tombstones.containsKey(s) && i == 0) {
				findings.add(when + ": marked delivered in the drop folder but not in Bob's Inbox: " + where);
			}
			if (quiet && i + o != 1) {
				findings.add(when + ": not exactly once in Bob's Inbox or still in the Outbox: " + where);
			}
			if (quiet && (o != 0 || i != 1 || t != 1)) {
				findings.add(when + ": not delivered although the spooler was given until it was done: " + where);
			}
		}
		Set<String> known = Set.copyOf(subjects());
		report.rows().stream().filter(r -> !known.contains(r.subject()))
				.forEach(r -> findings.add(when + ": a message the test never sent (a non-delivery report?): " + r));
		report.rows().stream().filter(r -> r.store().equals("alice") && !Set.of("Outbox", "Sent Items").contains(r.folder()))
				.forEach(r -> findings.add(when + ": a message in Alice's " + r.folder() + ": " + r));
		report.problems().forEach(r -> findings.add(when + ": does not parse: " + r));
		return findings;
	}

	private MaildirReport report() throws Exception {
		Path data = data();
		Map<String, Path> stores = new LinkedHashMap<>();
		stores.put("alice", data.resolve("alice/Maildir"));
		stores.put("bob", data.resolve("bob/Maildir"));
		stores.put("drop", data.resolve("drop/bob"));
		return MaildirReport.read(reader, stores);
	}

	private Map<Stage, Integer> progress() {
		Map<Stage, Integer> progress = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			progress.put(stage, stage.count(data()));
		}
		return progress;
	}

	/** Every file in a {@code tmp/} under {@code data/}, relative to it. */
	private Set<String> tmpFiles() throws IOException {
		Path data = data();
		try (Stream<Path> files = Files.walk(data)) {
			return files.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().equals("tmp"))
					.map(f -> data.relativize(f).toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private Path data() {
		return work.resolve("data");
	}

	private static List<String> subjects() {
		int digits = String.valueOf(MESSAGES).length();
		return IntStream.rangeClosed(1, MESSAGES).mapToObj(n -> "crash-" + String.format("%0" + Math.max(4, digits) + "d", n)).toList();
	}

	private static int share(int perMille) {
		return Math.max(1, MESSAGES * perMille / FULL_RUN);
	}

	private static String transcript(HostProcess host) {
		try {
			return host.transcript();
		} catch (IOException e) {
			return "(no transcript: " + e + ")";
		}
	}
}

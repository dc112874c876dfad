package org.mapihost.itests.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.admin.LeakReport;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.api.trace.ProtocolTrace;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Issue 6, item 1. Alice and Bob (Maildir stores, one vCard address book, the peer transport)
 * each run session cycles on a thread of their own, mailing each other by name, while a third
 * thread hot-updates the peer transport through the providers folder every 50 ms. The trace,
 * audited as it streams, must keep every shutdown rule; the watchdog fails the run with a thread
 * dump when nothing moves for 10 s; after the last MAPIUninitialize the leak report must be
 * empty; and the heap after GC must not grow by more than 5 % from the end of the warm-up to the
 * end of the run. The figures are printed at the end. How long: the framework property
 * {@code mapihost.soak.seconds} (the pom's {@code soak.seconds}; 60 with {@code -Psoak}).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class SoakIT {
	static final String SECONDS_PROPERTY = "mapihost.soak.seconds";
	static final String SEED_PROPERTY = "mapihost.soak.seed";
	static final String PEER = "org.mapihost.providers.transport.peer";
	static final String STORE = "org.mapihost.providers.store";
	static final String ADDRESS_BOOK = "org.mapihost.providers.addressbook";
	static final long TIMEOUT = 30_000;
	static final long STALL_MILLIS = 10_000;
	static final long UPDATE_PERIOD_MILLIS = 50;
	static final double HEAP_GROWTH_ALLOWED = 0.05;
	/** How long the no-loss check waits at most for the spoolers to deliver what is still queued. */
	static final long DELIVERY_WAIT_MILLIS = 60_000;
	private static final String CARDS = String.join("\r\n", "BEGIN:VCARD", "VERSION:4.0", "FN:Alice Liddell", "N:Liddell;Alice;;;",
			"EMAIL:alice@example.org", "X-MAPIHOST-ADDRESS:PEER:alice", "END:VCARD", "BEGIN:VCARD", "VERSION:4.0", "FN:Bob Builder",
			"N:Builder;Bob;;;", "EMAIL:bob@example.org", "X-MAPIHOST-ADDRESS:PEER:bob", "END:VCARD", "");

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = TIMEOUT)
	Mapi mapi;
	@InjectService(timeout = TIMEOUT)
	ProtocolTrace trace;
	@InjectService(timeout = TIMEOUT)
	ProviderLibraries libraries;
	@InjectService(timeout = TIMEOUT)
	ConfigurationAdmin configurationAdmin;
	@InjectService(timeout = TIMEOUT, filter = "(mapihost.installer=providers)")
	ArtifactInstaller providersFolder;

	@TempDir
	Path data;

	private final ClientFigures figures = new ClientFigures();
	private long phaseNanos;
	private Watchdog watchdog;
	private long seed;

	@Test
	void clientsCycleWhileThePeerTransportIsHotUpdatedEvery50Ms() throws Exception {
		long seconds = soakSeconds();
		long warmUp = Math.max(3, Math.min(10, seconds / 4));
		seed = soakSeed();
		configureRuntime();
		watchdog = Watchdog.start(STALL_MILLIS, System.out);
		try (TraceAudit audit = TraceAudit.start(context, trace.lastSeq())) {
			mapi.initialize(0);
			watchdog.step("the first logon of each person (loads the peer transport, which makes their mailboxes)");
			openMailboxes();
			watchdog.step("the first cycle of each client");
			new ClientCycles(mapi, "soak-alice", "Bob Builder", seed, figures, watchdog, () -> true).cycle();
			new ClientCycles(mapi, "soak-bob", "Alice Liddell", seed, figures, watchdog, () -> true).cycle();

			runPhase("the warm-up", warmUp);
			long heapStart = quiesceAndMeasure(audit);
			runPhase("the soak", seconds);
			long heapEnd = quiesceAndMeasure(audit);
			watchdog.step("the no-loss check (alice and bob log on, their spoolers deliver what is queued)");
			DeliveryCheck.Figures delivery = new DeliveryCheck(mapi, Map.of("soak-alice", "soak-bob", "soak-bob", "soak-alice"),
					figures.messages, watchdog).awaitAllDelivered(DELIVERY_WAIT_MILLIS);

			watchdog.step("the last MAPIUninitialize (FreeLibrary of the peer transport)");
			mapi.uninitialize();
			awaitAudited(audit);
			audit.finish();
			watchdog.step("the leak report");
			LeakReport leaks = libraries.leaks();
			watchdog.close();
			if (!leaks.isClean()) {
				System.out.println("[SOAK] " + HeapDump.write(Path.of(context.getProperty("mapihost.providers")).resolveSibling("soak-leak.hprof")));
			}

			printFigures(seconds, warmUp, audit, leaks, heapStart, heapEnd, delivery);
			assertEquals(List.of(), figures.failures(), "unexpected client or hot-update failures (" + figures.unexpected.get() + ")");
			assertEquals(List.of(), audit.problems(), "problems the trace shows (" + audit.problemCount() + ")");
			assertEquals(0, audit.count("violations"), "Violation events");
			assertTrue(leaks.isClean(), () -> "leaks: " + leaks);
			assertTrue(delivery.noLoss(), () -> "not every submitted message exactly once in the Inbox and Sent Items: " + delivery);
			assertTrue(figures.completed.get() > 0 && audit.count("hot updates (LoadLibrary of the new revision)") > 0,
					"the soak ran cycles and hot updates at all");
			assertTrue(heapEnd <= heapStart * (1 + HEAP_GROWTH_ALLOWED),
					() -> "heap after GC grew from " + mib(heapStart) + " to " + mib(heapEnd) + " MiB");
		} finally {
			watchdog.close();
		}
	}

	private long soakSeed() {
		String value = context.getProperty(SEED_PROPERTY);
		if (value == null || value.isBlank() || value.startsWith("${")) {
			return System.nanoTime();
		}
		try {
			return Long.parseLong(value.strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("framework property " + SEED_PROPERTY + " must be a number, got '" + value + "'", e);
		}
	}

	private long soakSeconds() {
		String value = context.getProperty(SECONDS_PROPERTY);
		try {
			long seconds = Long.parseLong(value == null ? "6" : value.strip());
			if (seconds > 0) {
				return seconds;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("framework property " + SECONDS_PROPERTY + " must be a positive number of seconds, got '" + value + "'");
	}

	/**
	 * A small in-memory trace (the audit streams it; a full ring would grow during the warm-up and
	 * spoil the heap reading), and library unloads that leave the check of freed class loaders to
	 * the leak report at the end (verifying each of 20 updates a second would stop the clock).
	 */
	private void configureRuntime() throws Exception {
		Configurations configurations = new Configurations(context, configurationAdmin, TIMEOUT);
		configurations.set("org.mapihost.trace", Map.of("capacity", 2_000, "recording", Boolean.TRUE));
		configurations.set("org.mapihost.libraries", Map.of("serviceWaitMillis", 10_000L, "drainMillis", 10_000L,
				"verifyUnload", Boolean.FALSE, "gcAttempts", 10));
		Path contacts = Files.writeString(data.resolve("contacts.vcf"), CARDS);
		for (String person : List.of("alice", "bob")) {
			configurations.profile("soak-" + person, Map.of("entries", "store, contacts, peer",
					"store.provider", STORE, "store.root", data.resolve(person).toString(),
					"store.identityName", person, "store.identityAddress", "PEER:" + person,
					"contacts.provider", ADDRESS_BOOK, "contacts.file", contacts.toString(),
					"peer.provider", PEER, "peer.mailbox", person, "peer.dropFolder", data.resolve("drop").toString()));
		}
	}

	/**
	 * The peer transport makes a person's mailbox in the drop folder at their first logon; before
	 * it, a message to them is undeliverable (a non-delivery report, rightly). Both exist before
	 * the first message, so the no-loss check may expect every message delivered.
	 */
	private void openMailboxes() {
		for (String profile : List.of("soak-alice", "soak-bob")) {
			MapiSession session = mapi.logon(profile, ClientCycles.LOGON_FLAGS);
			try {
				session.logoff(0);
			} finally {
				session.release();
			}
		}
	}

	/** Two client threads and the hot-update thread for {@code seconds}, or until the watchdog fires. */
	private void runPhase(String phase, long seconds) throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		Path providers = Path.of(context.getProperty("mapihost.providers"));
		Path fixtures = Path.of(context.getProperty("mapihost.itests.fixtures"));
		List<Thread> threads = new ArrayList<>();
		threads.add(new Thread(new ClientCycles(mapi, "soak-alice", "Bob Builder", seed + threads.size(), figures, watchdog, stop::get),
				"soak-client-alice"));
		threads.add(new Thread(new ClientCycles(mapi, "soak-bob", "Alice Liddell", seed + threads.size(), figures, watchdog, stop::get),
				"soak-client-bob"));
		threads.add(new Thread(new HotUpdater(providersFolder, fixtures.resolve("peer.jar"), providers.resolve("peer.jar"),
				UPDATE_PERIOD_MILLIS, figures, watchdog, stop::get), "soak-hot-update"));
		watchdog.step(phase);
		long began = System.nanoTime();
		threads.forEach(Thread::start);
		watchdog.awaitFired(seconds * 1000);
		stop.set(true);
		watchdog.step("stopping the threads of " + phase);
		for (Thread thread : threads) {
			while (thread.isAlive() && !watchdog.fired()) {
				thread.join(250);
			}
		}
		if (watchdog.fired()) {
			fail("the soak stalled: " + watchdog.dump());
		}
		phaseNanos += System.nanoTime() - began;
	}

	/** With every client idle and the trace audited up to now: the heap in use after GC. */
	private long quiesceAndMeasure(TraceAudit audit) throws InterruptedException {
		awaitAudited(audit);
		watchdog.step("measuring the heap");
		return HeapGauge.usedAfterGc();
	}

	private void awaitAudited(TraceAudit audit) throws InterruptedException {
		watchdog.step("auditing the trace up to its last step");
		long last = trace.lastSeq();
		assertTrue(audit.awaitFed(last, TIMEOUT), () -> "the audit got the trace only up to seq " + audit.fedUpTo() + " of " + last
				+ " within " + TIMEOUT + " ms (a step missing on EventAdmin?)");
	}

	private void printFigures(long seconds, long warmUp, TraceAudit audit, LeakReport leaks, long heapStart, long heapEnd,
			DeliveryCheck.Figures delivery) {
		Map<String, Long> counts = audit.counts();
		int leaked = leaks.providerObjects().size() + leaks.logons().size() + leaks.supportObjects().size() + leaks.clientHandles().size()
				+ leaks.removalPendingBundles().size() + leaks.reachableClassLoaders().size();
		List<String> lines = List.of(
				String.format("soak figures: %d s after a %d s warm-up, 2 client threads, the peer transport hot-updated every %d ms, seed %d",
						seconds, warmUp, UPDATE_PERIOD_MILLIS, seed),
				String.format("client cycles run: %d: completed %d, logon refused while the transport was being unloaded %d%s, unexpected %d",
						figures.cycles.get(), figures.completed.get(), figures.refused.get(),
						figures.refusal() == null ? "" : " (\"" + figures.refusal() + "\")", figures.unexpected.get()),
				String.format("messages submitted: %d; transports took %d, delivered into an Inbox %d, moved to Sent Items %d", figures.submitted.get(),
						counts.getOrDefault("IXPLogon::SubmitMessage", 0L), counts.getOrDefault("IXPLogon::StartMessage", 0L),
						counts.getOrDefault("IMsgStore::FinishedMsg", 0L)),
				"no loss (after the soak, without hot updates): " + delivery,
				String.format("StoreLogoff: %s; turned down (traffic in progress): %d", figures.storeLogoffs(), figures.turnedDown.get()),
				String.format("hot updates: requested %d (one every %.0f ms: each takes its time, then 50 ms pass), done %d"
						+ " (LoadLibrary of the new revision), MAPI::HotUnload %d", figures.updates.get(),
						phaseNanos / 1e6 / Math.max(1, figures.updates.get()),
						counts.getOrDefault("hot updates (LoadLibrary of the new revision)", 0L), counts.getOrDefault("hot unloads", 0L)),
				String.format("trace audited: %d steps, sessions %d, provider logons store/ab/transport %d/%d/%d, store shutdowns with"
						+ " StoreLogoffTransports completed exactly once %d (steps turned down before it %d), provider objects released %d;"
						+ " problems %d; reorder buffer at most %d",
						counts.getOrDefault("events", 0L), counts.getOrDefault("sessions logged on", 0L),
						counts.getOrDefault("provider logons IMS", 0L), counts.getOrDefault("provider logons IAB", 0L),
						counts.getOrDefault("provider logons IXP", 0L), counts.getOrDefault(ShutdownRules.SHUTDOWNS_COMPLETED_ONCE, 0L),
						counts.getOrDefault("StoreLogoffTransports turned down", 0L),
						counts.getOrDefault("provider objects released", 0L), audit.problemCount(), audit.mostEarly()),
				String.format("violations: %d", counts.getOrDefault("violations", 0L)),
				String.format("leaks: %d%s", leaked, leaked == 0 ? "" : " " + leaks),
				String.format("heap after GC: start %.1f MiB, end %.1f MiB (%+.1f %%)", mib(heapStart), mib(heapEnd),
						100.0 * (heapEnd - heapStart) / heapStart),
				"results other than S_OK: " + notOk(counts));
		lines.forEach(line -> System.out.println("[SOAK] " + line));
		audit.problems().forEach(problem -> System.out.println("[SOAK] problem: " + problem));
		figures.failures().forEach(failure -> System.out.println("[SOAK] unexpected: " + failure));
		System.out.flush();
	}

	private static String notOk(Map<String, Long> counts) {
		StringBuilder text = new StringBuilder();
		counts.forEach((what, count) -> {
			if (what.startsWith("not S_OK: ")) {
				text.append(text.length() == 0 ? "" : ", ").append(what.substring("not S_OK: ".length())).append(" x").append(count);
			}
		});
		return text.length() == 0 ? "none" : text.toString();
	}

	private static double mib(long bytes) {
		return bytes / 1024.0 / 1024.0;
	}
}

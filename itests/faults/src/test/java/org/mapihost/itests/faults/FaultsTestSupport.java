package org.mapihost.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MapiUid;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.admin.LeakReport;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.faulty.FaultControl;
import org.mapihost.itests.faulty.FaultyProviders;
import org.mapihost.itests.testkit.ConfigurationWaits;
import org.mapihost.itests.testkit.Trace;
import org.mapihost.itests.testkit.TraceWatch;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What every fault test shares: the services, profiles made per fault, a background thread for
 * calls that hang, the well-behaved session that must keep working, and the state checks.
 * Every wait is bounded by {@link #TIMEOUT}, which says nothing about speed: a fault that is
 * handled finishes long before it; one that is not never does.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
abstract class FaultsTestSupport {
	static final long TIMEOUT = 10_000;
	static final String PROFILE_PID = "org.mapihost.profile";
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	static final MapiUid STORE_UID = MapiUid.parse("4641554C5459000000000000000000AA");
	static final MapiUid AB_UID = MapiUid.parse("4641554C5459000000000000000000BB");
	/** The entries of every profile here, in rule-3 shutdown order, with their providers. */
	static final Map<String, String> ENTRIES = Map.of("xp", FaultyProviders.XP, "ab", FaultyProviders.AB, "store", FaultyProviders.STORE);
	private static final AtomicInteger NAMES = new AtomicInteger();
	private static volatile String wellProfile;

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = TIMEOUT)
	Mapi mapi;
	@InjectService(timeout = TIMEOUT)
	ProtocolTrace trace;
	@InjectService(timeout = TIMEOUT)
	ConfigurationAdmin configurationAdmin;
	@InjectService(timeout = TIMEOUT)
	FaultControl faults;
	@InjectService(timeout = TIMEOUT)
	ProviderLibraries libraries;

	TraceWatch watch;
	ExecutorService background;

	@BeforeEach
	void begin() {
		faults.clear();
		watch = TraceWatch.open(context, trace);
		background = Executors.newCachedThreadPool();
		mapi.initialize(0);
	}

	@AfterEach
	void end() throws InterruptedException {
		faults.releaseHangs();
		background.shutdown();
		assertTrue(background.awaitTermination(TIMEOUT, TimeUnit.MILLISECONDS), "every call the test left hanging came back");
		while (mapi.initializeCount() > 0) {
			mapi.uninitialize();
		}
		watch.close();
	}

	/** A profile of the three faulty providers, {@code entry} with {@code faults}; returns its name. */
	String faultyProfile(String entry, String faultSetting) {
		Map<String, String> settings = new HashMap<>();
		settings.put("entries", "xp, ab, store");
		ENTRIES.forEach((name, provider) -> settings.put(name + ".provider", provider));
		settings.put("store.uid", STORE_UID.toString());
		settings.put("ab.uid", AB_UID.toString());
		if (entry != null) {
			settings.put(entry + "." + FaultyProviders.FAULTS, faultSetting);
		}
		return profile(settings);
	}

	String wellProfile() {
		if (wellProfile == null) {
			wellProfile = faultyProfile(null, null);
		}
		return wellProfile;
	}

	/** Makes a profile configuration under a fresh name, waits until the runtime has it, and returns the name. */
	String profile(Map<String, String> settings) {
		String name = "faults-" + NAMES.incrementAndGet();
		Hashtable<String, Object> properties = new Hashtable<>(settings);
		properties.put("name", name);
		try {
			Configuration configuration = configurationAdmin.getFactoryConfiguration(PROFILE_PID, name, "?");
			configuration.update(properties);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		awaitProfile(name);
		return name;
	}

	MapiSession logon(String profile) {
		return mapi.logon(profile, LOGON_FLAGS);
	}

	<T> Future<T> inBackground(Callable<T> call) {
		return background.submit(call);
	}

	long mark() {
		return trace.lastSeq();
	}

	/** Waits (bounded) until the session's Logoff step is in the trace, and returns the session's steps after {@code mark}. */
	Trace awaitLogoff(long mark, MapiSession session) {
		return watch.awaitSlice(mark, "IMAPISession::Logoff of " + session.id(), TIMEOUT,
				slice -> slice.session(session.id()).count("IMAPISession::Logoff") == 1).session(session.id());
	}

	/**
	 * A session of well-behaved providers works from logon to logoff, routes an entry ID, and
	 * records no violation. Its client calls do not wait for anything a hung provider holds.
	 */
	void assertWellSessionWorks() {
		long mark = mark();
		MapiSession session = logon(wellProfile());
		AddressBook addressBook = session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		assertEquals(3, session.statusTable().size(), "a row per logon");
		MapiEntry entry = session.openEntry(EntryId.of(STORE_UID, new byte[] { 1 }), 0);
		assertEquals("store", entry.properties().get("PR_DISPLAY_NAME"), "the entry ID was routed to the store");
		entry.release();
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value()));
		assertEquals(0, store.release());
		assertEquals(0, addressBook.release());
		session.logoff(0);
		assertEquals(0, session.release());
		Trace slice = awaitLogoff(mark, session);
		assertEquals(List.of(), slice.violations(), "a well-behaved session records no violation");
		assertEquals(ResultCode.S_OK.name(), slice.only("IMAPISession::Logoff").result());
	}

	/**
	 * Nothing of these sessions leaked (no provider object, logon, support object or client
	 * handle left), and no bundle waits for removal. Only these sessions': a test that failed
	 * must not fail the next ones.
	 */
	void assertNoLeaks(MapiSession... sessions) {
		LeakReport leaks = libraries.leaks();
		List<String> all = new ArrayList<>();
		Stream.of(leaks.providerObjects(), leaks.logons(), leaks.supportObjects(), leaks.clientHandles()).forEach(all::addAll);
		List<String> ours = all.stream().filter(leak -> Stream.of(sessions)
				.anyMatch(session -> Pattern.compile("session " + session.id() + "\\b").matcher(leak).find())).toList();
		assertEquals(List.of(), ours, () -> "leaks of " + Stream.of(sessions).map(MapiSession::id).toList() + " in " + leaks);
		FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
		assertEquals(List.of(), List.copyOf(wiring.getRemovalPendingBundles()), "no bundle waits for removal");
	}

	/** The one violation about {@code call} (its detail begins with the call's name), by {@code provider}. */
	static TraceEvent violationOf(Trace slice, String provider, String call) {
		List<TraceEvent> found = slice.all(e -> e.call().equals(TraceEvent.VIOLATION) && provider.equals(e.provider())
				&& e.detail() != null && e.detail().startsWith(call + " "));
		assertEquals(1, found.size(), () -> "one violation by " + provider + " about " + call + " in\n" + slice);
		return found.get(0);
	}

	static MapiException assertFails(ResultCode code, Executable call) {
		MapiException e = assertThrows(MapiException.class, call);
		assertEquals(code, e.code(), () -> "result of the call, with message: " + e.getMessage());
		return e;
	}

	private void awaitProfile(String profile) {
		ConfigurationWaits.awaitProfile(context, configurationAdmin, profile, TIMEOUT);
	}
}

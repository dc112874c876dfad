package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.recording.RecordingLog;
import org.mapihost.itests.testkit.ConfigurationWaits;
import org.mapihost.itests.testkit.Trace;
import org.mapihost.itests.testkit.TraceWatch;
import org.mapihost.itests.testkit.ClientBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.cm.ConfigurationExtension;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What every library test shares: the test bundle's own {@link Mapi} client, the trace and a
 * {@link TraceWatch} on it, the admin API, the {@link ProbeLog} the library tells, profiles from
 * ConfigurationAdmin ({@code @WithFactoryConfiguration} of {@link #PROFILE_PID} on the test class),
 * the library manager's configuration (set once per run, before the first test), and the
 * clean-up after each test: every client uninitialized — which frees every library the runtime
 * loaded (rule 4), so no library bundle may be left — the trace still flowing, and no lifecycle
 * breach seen by the recording providers.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
@ExtendWith(ConfigurationExtension.class)
abstract class LibrariesTestSupport {
	/** How long a test waits for a service, a profile or a trace step, in milliseconds. */
	static final long TIMEOUT = 10_000;
	static final String PROFILE_PID = "org.mapihost.profile";
	static final String LIBRARIES_PID = "org.mapihost.libraries";
	/** How long a logon waits for a freshly loaded library's provider: short, for the bad inputs. */
	static final long SERVICE_WAIT_MILLIS = 2_000;
	/** How long a hot unload waits for calls in flight: longer than any test holds a call. */
	static final long DRAIN_MILLIS = 10_000;
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();


	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = TIMEOUT)
	Mapi mapi;
	@InjectService(timeout = TIMEOUT)
	ProtocolTrace trace;
	@InjectService(timeout = TIMEOUT)
	ProviderLibraries libraries;
	@InjectService(timeout = TIMEOUT)
	RecordingLog recording;
	@InjectService(timeout = TIMEOUT)
	ConfigurationAdmin configurationAdmin;
	@InjectService(timeout = TIMEOUT)
	LogReaderService logReader;

	final ClientBundles clients = new ClientBundles(FrameworkUtil.getBundle(LibrariesTestSupport.class).getBundleContext());
	ProbeLog probe;
	TraceWatch watch;
	RuntimeLog runtimeLog;

	/**
	 * Sets {@code org.mapihost.libraries} (short service wait, long drain, verified unloads) unless
	 * it is set already, and waits until ConfigurationAdmin has delivered it — before the test
	 * instance gets its services, in case the runtime re-registers them for the change.
	 */
	@BeforeAll
	static void configureLibraries(@InjectBundleContext BundleContext context,
			@InjectService(timeout = TIMEOUT) ConfigurationAdmin configurationAdmin) throws Exception {
		Configuration configuration = configurationAdmin.getConfiguration(LIBRARIES_PID, "?");
		Map<String, Object> wanted = Map.of("serviceWaitMillis", SERVICE_WAIT_MILLIS, "drainMillis", DRAIN_MILLIS,
				"verifyUnload", Boolean.TRUE, "gcAttempts", 10);
		Dictionary<String, Object> current = configuration.getProperties();
		if (current != null && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())))) {
			return;
		}
		configuration.update(new Hashtable<>(wanted));
		ConfigurationWaits.awaitConfigurationEvents(context, configurationAdmin, TIMEOUT);
	}

	@BeforeEach
	void watch() {
		recording.clear();
		probe = ProbeLog.register(context, TIMEOUT);
		watch = TraceWatch.open(context, trace);
		runtimeLog = RuntimeLog.open(logReader);
	}

	@AfterEach
	void uninitializeEveryClient() throws Exception {
		try {
			clients.close();
			while (mapi.initializeCount() > 0) {
				mapi.uninitialize();
			}
			Await.until(() -> "after the last MAPIUninitialize the runtime frees the library it loaded; still installed: "
					+ libraryBundle(), TIMEOUT, () -> libraryBundle().isEmpty());
			// The runtime publishes a step only once every earlier step has ended: a step left open stops the
			// trace for good. Two fresh steps must come through.
			long flowing = mark();
			mapi.initialize(0);
			mapi.uninitialize();
			watch.await(flowing, "MAPIUninitialize after the test (the trace still flows)", TIMEOUT,
					e -> e.call().equals("MAPIUninitialize"));
			assertEquals(List.of(), recording.problems(), "lifecycle breaches the recording providers saw");
		} finally {
			probe.close();
			watch.close();
			runtimeLog.close();
		}
	}

	/** MAPILogonEx for the test bundle's client, once the runtime knows the profile. */
	MapiSession logon(String profile) {
		awaitProfile(profile);
		return mapi.logon(profile, LOGON_FLAGS);
	}

	/** The library bundle while it is installed (by the runtime or by a test). */
	Optional<Bundle> libraryBundle() {
		return Arrays.stream(context.getBundles())
				.filter(b -> Library.BSN.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED)
				.findFirst();
	}

	LibraryInfo library(String name) {
		return libraries.library(name).orElseThrow(() -> new AssertionError("the runtime does not know library " + name
				+ "; it knows " + libraries.libraries()));
	}

	LibraryState state(String name) {
		return library(name).state();
	}

	/** The library the runtime indexed from a file of the providers folder. */
	LibraryInfo fromFile(String file) {
		List<LibraryInfo> found = libraries.libraries().stream()
				.filter(info -> info.location() != null && info.location().replace('\\', '/').endsWith("/" + file)).toList();
		assertEquals(1, found.size(), () -> "libraries from file " + file + " in " + libraries.libraries());
		return found.get(0);
	}

	/** Waits until the library is in that state (no event announces it). */
	void awaitState(String name, LibraryState state) {
		Await.until(() -> "library " + name + " " + state + "; it is " + libraries.library(name), TIMEOUT,
				() -> libraries.library(name).map(LibraryInfo::state).orElse(null) == state);
	}

	/**
	 * Opens the store's root until the runtime refuses it (bounded), and returns the refusal: a
	 * provider's calls are refused from its own hot unload on, which may begin a moment after its
	 * library turned UNLOADING.
	 */
	static MapiException awaitRefusal(MsgStore store) {
		MapiException[] refusal = new MapiException[1];
		Await.until("a new call into the unloading store is refused", TIMEOUT, () -> {
			try {
				store.openEntry(null, 0).release();
				return false;
			} catch (MapiException e) {
				refusal[0] = e;
				return true;
			}
		});
		return refusal[0];
	}

	/** The last step of the trace so far. */
	long mark() {
		return trace.lastSeq();
	}

	/** The steps after a {@link #mark()}. */
	Trace since(long mark) {
		return new Trace(trace.since(mark));
	}

	/** Waits for a FreeLibrary after the mark, then returns the trace since the mark. */
	Trace awaitFreeLibrary(long mark) {
		return awaitCount(mark, "FreeLibrary", 1);
	}

	/** Waits until the trace since the mark has at least {@code count} steps of the call, and returns it. */
	Trace awaitCount(long mark, String call, int count) {
		return watch.awaitSlice(mark, count + " × " + call, TIMEOUT, slice -> slice.count(call) >= count);
	}

	/**
	 * Logs on to the profile and opens its store {@code store}; expects one of the two to fail with
	 * {@code MAPI_E_LOGON_FAILED} (whether the runtime loads a store's library at MAPILogonEx or at
	 * OpenMsgStore), and returns that failure. The session, if one was made, is logged off.
	 */
	MapiException assertStoreLogonFails(String profile) {
		awaitProfile(profile);
		MapiSession session = null;
		try {
			session = mapi.logon(profile, LOGON_FLAGS);
			session.openMsgStore("store", STORE_FLAGS).release();
			return fail("the store of profile " + profile + " opened");
		} catch (MapiException e) {
			assertEquals(ResultCode.MAPI_E_LOGON_FAILED, e.code(), () -> "result of the logon, with message: " + e.getMessage());
			return e;
		} finally {
			if (session != null) {
				if (session.isValid()) {
					session.logoff(0);
				}
				session.release();
			}
		}
	}

	/** Asserts that the call fails with the MAPI result code. */
	static MapiException assertFails(ResultCode code, Executable call) {
		MapiException e = assertThrows(MapiException.class, call);
		assertEquals(code, e.code(), () -> "result of the call, with message: " + e.getMessage());
		return e;
	}

	/** Asserts that the text contains at least one of the words, ignoring case. */
	static void assertMentions(String text, String what, String... words) {
		assertNotNull(text, () -> what + ": no text");
		String lower = text.toLowerCase();
		assertTrue(Arrays.stream(words).anyMatch(w -> lower.contains(w.toLowerCase())),
				() -> what + " should mention one of " + Arrays.toString(words) + ": " + text);
	}

	/** Asserts that the runtime logged, at any time in the run, a warning or an error that mentions every word. */
	void assertLogged(String what, String... words) {
		List<String> said = runtimeLog.history();
		assertTrue(said.stream().anyMatch(m -> Arrays.stream(words).allMatch(w -> m.toLowerCase().contains(w.toLowerCase()))),
				() -> what + ": the runtime logged no warning naming " + Arrays.toString(words) + "; it said:\n" + String.join("\n", said));
	}

	/** Asserts that every library the trace slice loaded it also freed, once (rule 4). */
	static void assertOneFreePerLoad(Trace slice) {
		List<TraceEvent> loads = slice.all(e -> e.call().equals("LoadLibrary") && e.result().equals("S_OK"));
		List<TraceEvent> frees = slice.all("FreeLibrary");
		assertEquals(loads.size(), frees.size(), () -> "one FreeLibrary per LoadLibrary:\n" + slice);
	}

	/**
	 * Waits until the runtime has taken up the profile's configuration (see the conformance
	 * suite's support class for why two steps).
	 */
	void awaitProfile(String profile) {
		ConfigurationWaits.awaitProfile(context, configurationAdmin, profile, TIMEOUT);
	}
}

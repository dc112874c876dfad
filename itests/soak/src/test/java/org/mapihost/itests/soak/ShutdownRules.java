package org.mapihost.itests.soak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mapihost.api.trace.TraceEvent;

/**
 * DESIGN.md §3's shutdown rules as state machines over the protocol trace, fed one event at a
 * time in {@code seq} order. They keep state only for objects that are alive (a few per open
 * session) and one bit per released object, so a soak of any length fits in a fixed heap.
 * <ul>
 * <li>every session logged on is logged off once; every provider logon has one Logoff, then one
 * Release, and as many logons succeed as are released;</li>
 * <li>every provider object has one Shutdown, then one Release, and no Logon after Shutdown;</li>
 * <li>nothing is called on an object after its Release;</li>
 * <li>{@code StoreLogoffTransports} completed exactly once per store shutdown: before the store
 * released its support object, exactly one of its steps answered {@code LOGOFF_COMPLETE} (read from
 * the out-flags in the step's {@code detail}); {@code LOGOFF_NO_WAIT} and {@code LOGOFF_ORDERLY}
 * are never turned down;</li>
 * <li>no provider object of a hot-unloaded revision is still alive when the new revision is loaded;</li>
 * <li>no {@code Violation}, and every {@code MAPI::HotUnload} succeeded.</li>
 * </ul>
 * Not thread-safe: {@link TraceAudit} feeds it under its lock.
 */
final class ShutdownRules {
	private static final int MAX_PROBLEMS = 40;
	static final String SHUTDOWNS_COMPLETED_ONCE = "store shutdowns with StoreLogoffTransports completed once";
	/** The input flags that log off whatever the traffic (docs/CONTRACTS.md, StoreLogoffTransports out-flags). */
	private static final Set<String> ALWAYS_COMPLETE = Set.of("LOGOFF_NO_WAIT", "LOGOFF_ORDERLY");
	private static final String COMPLETE = "LOGOFF_COMPLETE";
	private static final String OUT_FLAGS = "out ";

	private enum ObjectState {
		ALIVE, SHUT_DOWN, LOGGED_OFF
	}

	private record ProviderObject(String provider, long initSeq, ObjectState state) {
		ProviderObject shutDown() {
			return new ProviderObject(provider, initSeq, ObjectState.SHUT_DOWN);
		}
	}

	private final Set<String> sessions = new HashSet<>();
	private final Map<String, ProviderObject> providerObjects = new HashMap<>();
	private final Map<String, ObjectState> logons = new HashMap<>();
	/** Per support object: how many of its StoreLogoffTransports steps answered LOGOFF_COMPLETE. */
	private final Map<String, Integer> storeSupports = new HashMap<>();
	private final Set<String> storeProviders = new HashSet<>();
	private final Map<String, Long> lastHotUnload = new HashMap<>();
	private final ReleasedIds released = new ReleasedIds();
	private final List<String> problems = new ArrayList<>();
	private final Map<String, Long> counts = new TreeMap<>();
	private long problemCount;

	void accept(TraceEvent event) {
		count("events");
		String call = event.call();
		String object = event.object();
		boolean ok = "S_OK".equals(event.result());
		if (!ok) {
			count("not S_OK: " + call + " " + event.result());
		}
		if (object != null && !call.equals(TraceEvent.VIOLATION) && released.contains(object)) {
			problem(event, "a call on " + object + " after its Release");
		}
		switch (call) {
		case TraceEvent.VIOLATION -> {
			count("violations");
			problem(event, "Violation: " + event.detail());
		}
		case "MAPILogonEx" -> {
			if (ok) {
				sessions.add(event.session());
				count("sessions logged on");
			}
		}
		case "IMAPISession::Logoff" -> {
			if (ok && !sessions.remove(object)) {
				problem(event, "Logoff of session " + object + ", which was not logged on or was logged off before");
			}
		}
		case "MSProviderInit", "ABProviderInit", "XPProviderInit" -> {
			if (ok) {
				providerObjects.put(object, new ProviderObject(event.provider(), event.seq(), ObjectState.ALIVE));
			}
		}
		case "IMSProvider::Logon", "IABProvider::Logon", "IXPProvider::TransportLogon" -> providerLogon(event, ok);
		case "IMSProvider::Shutdown", "IABProvider::Shutdown", "IXPProvider::Shutdown" -> providerShutdown(event);
		case "IMSProvider::Release", "IABProvider::Release", "IXPProvider::Release" -> providerRelease(event);
		case "IMSLogon::Logoff", "IABLogon::Logoff", "IXPLogon::TransportLogoff" -> {
			if (logons.put(object, ObjectState.LOGGED_OFF) != null) {
				problem(event, "a second Logoff of " + object);
			}
		}
		case "IMSLogon::Release", "IABLogon::Release", "IXPLogon::Release" -> logonRelease(event);
		case "IMsgStore::Release" -> released.add(object);
		case "IMAPISupport::StoreLogoffTransports" -> storeLogoffTransports(event, ok);
		case "IMAPISupport::Release" -> supportRelease(event, ok);
		case "MAPI::HotUnload" -> {
			count("hot unloads");
			lastHotUnload.put(event.provider(), event.seq());
			if (!ok) {
				problem(event, "hot unload failed: " + event.detail());
			}
		}
		case "LoadLibrary" -> loadLibrary(event, ok);
		case "FreeLibrary" -> count(ok ? "FreeLibrary" : "FreeLibrary failed");
		case "IMessage::SubmitMessage", "IXPLogon::SubmitMessage", "IXPLogon::StartMessage", "IMsgStore::FinishedMsg" -> {
			if (ok) {
				count(call);
			}
		}
		default -> {
		}
		}
	}

	private void providerLogon(TraceEvent event, boolean ok) {
		ProviderObject provider = providerObjects.get(event.object());
		if (provider == null || provider.state() != ObjectState.ALIVE) {
			problem(event, "a logon on provider object " + event.object() + ", which is " + (provider == null ? "unknown" : "shut down"));
		}
		if (ok) {
			count("provider logons " + kind(event.call()));
			if (event.call().startsWith("IMS")) {
				storeProviders.add(event.provider());
			}
		}
	}

	private void providerShutdown(TraceEvent event) {
		ProviderObject provider = providerObjects.get(event.object());
		if (provider == null || provider.state() != ObjectState.ALIVE) {
			problem(event, "Shutdown of provider object " + event.object() + ", which is " + (provider == null ? "unknown" : "shut down already"));
			return;
		}
		providerObjects.put(event.object(), provider.shutDown());
	}

	private void providerRelease(TraceEvent event) {
		ProviderObject provider = providerObjects.remove(event.object());
		if (provider == null || provider.state() != ObjectState.SHUT_DOWN) {
			problem(event, "Release of provider object " + event.object() + (provider == null ? ", which is unknown or released"
					: " without Shutdown before it"));
		}
		released.add(event.object());
		count("provider objects released");
	}

	private void logonRelease(TraceEvent event) {
		if (logons.remove(event.object()) != ObjectState.LOGGED_OFF) {
			problem(event, "Release of logon " + event.object() + " without a Logoff before it");
		}
		released.add(event.object());
		count("logons released " + kind(event.call()));
	}

	/** A step that failed (refused, say, after its logon ended) answered no out-flags and completed nothing. */
	private void storeLogoffTransports(TraceEvent event, boolean ok) {
		int completions = storeSupports.getOrDefault(event.object(), 0);
		if (ok) {
			Set<String> out = outFlags(event);
			if (out == null) {
				problem(event, "StoreLogoffTransports without its out-flags (detail '" + event.detail() + "')");
			} else if (out.contains(COMPLETE)) {
				completions++;
			} else if (event.flags().stream().anyMatch(ALWAYS_COMPLETE::contains)) {
				problem(event, "StoreLogoffTransports " + event.flags() + " turned down (" + event.detail() + "), but it always completes");
			} else {
				count("StoreLogoffTransports turned down");
			}
		}
		storeSupports.put(event.object(), completions);
	}

	/** The out-flags in a StoreLogoffTransports step's detail ({@code out LOGOFF_COMPLETE|…}, {@code out none}), or null. */
	private static Set<String> outFlags(TraceEvent event) {
		String detail = event.detail();
		if (detail == null || !detail.startsWith(OUT_FLAGS)) {
			return null;
		}
		String flags = detail.substring(OUT_FLAGS.length()).split(";", 2)[0].strip();
		return flags.equals("none") ? Set.of() : Set.of(flags.split("\\|"));
	}

	private void supportRelease(TraceEvent event, boolean ok) {
		if (!ok) {
			return;
		}
		released.add(event.object());
		Integer completions = storeSupports.remove(event.object());
		if (!storeProviders.contains(event.provider())) {
			return;
		}
		if (completions == null) {
			problem(event, "store support object " + event.object() + " released without StoreLogoffTransports");
		} else if (completions != 1) {
			problem(event, "store support object " + event.object() + " released after StoreLogoffTransports completed " + completions
					+ " times (exactly once per store shutdown)");
		} else {
			count(SHUTDOWNS_COMPLETED_ONCE);
		}
	}

	private void loadLibrary(TraceEvent event, boolean ok) {
		if (!ok) {
			count("LoadLibrary failed");
			return;
		}
		count("LoadLibrary");
		if (!"hot update".equals(event.detail())) {
			return;
		}
		count("hot updates (LoadLibrary of the new revision)");
		Long hotUnload = lastHotUnload.get(event.provider());
		providerObjects.forEach((id, provider) -> {
			if (provider.provider().equals(event.provider()) && hotUnload != null && provider.initSeq() < hotUnload) {
				problem(event, "provider object " + id + " (made at seq " + provider.initSeq() + ") outlived the hot unload at seq "
						+ hotUnload + " of its revision");
			}
		});
	}

	/** What must hold once everything is logged off: nothing left alive, logons and shutdowns balanced. */
	void finish() {
		if (!sessions.isEmpty()) {
			problem(null, "sessions never logged off: " + sessions);
		}
		if (!providerObjects.isEmpty()) {
			problem(null, "provider objects never released: " + providerObjects.keySet());
		}
		if (!logons.isEmpty()) {
			problem(null, "logons logged off but never released: " + logons.keySet());
		}
		if (!storeSupports.isEmpty()) {
			problem(null, "store support objects with StoreLogoffTransports but never released: " + storeSupports.keySet());
		}
		for (String kind : List.of("IMS", "IAB", "IXP")) {
			long logonsMade = counts.getOrDefault("provider logons " + kind, 0L);
			long logonsReleased = counts.getOrDefault("logons released " + kind, 0L);
			if (logonsMade != logonsReleased) {
				problem(null, kind + " logons: " + logonsMade + " succeeded, " + logonsReleased + " released");
			}
		}
		long storeShutdowns = counts.getOrDefault("logons released IMS", 0L);
		long completedOnce = counts.getOrDefault(SHUTDOWNS_COMPLETED_ONCE, 0L);
		if (storeShutdowns != completedOnce) {
			problem(null, storeShutdowns + " store shutdowns, in " + completedOnce + " of them StoreLogoffTransports completed exactly once");
		}
	}

	long count(String what, long fallback) {
		return counts.getOrDefault(what, fallback);
	}

	Map<String, Long> counts() {
		return new TreeMap<>(counts);
	}

	long problemCount() {
		return problemCount;
	}

	List<String> problems() {
		return List.copyOf(problems);
	}

	/** How much state the machines hold now: a few per open session, whatever the soak's length. */
	int liveState() {
		return sessions.size() + providerObjects.size() + logons.size() + storeSupports.size();
	}

	private void count(String what) {
		counts.merge(what, 1L, Long::sum);
	}

	private void problem(TraceEvent event, String what) {
		problemCount++;
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(event == null ? what : what + " -- " + event.toJson());
		}
	}

	private static String kind(String call) {
		return call.substring(0, 3);
	}
}

package org.mapihost.runtime.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiHandle;
import org.mapihost.api.ResultCode;
import org.mapihost.runtime.leaks.LeakTracker;
import org.mapihost.runtime.library.LibraryManager;
import org.mapihost.runtime.library.SessionView;
import org.mapihost.runtime.profile.Profile;
import org.mapihost.runtime.profile.ProfileConfiguration;
import org.mapihost.runtime.provider.ProviderCatalog;
import org.mapihost.runtime.provider.ProviderService;
import org.mapihost.runtime.session.RuntimeServices;
import org.mapihost.runtime.session.Session;
import org.mapihost.runtime.spooler.SpoolerSettings;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.mapihost.runtime.watch.CallWatch;
import org.mapihost.runtime.watch.Sequence;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The MAPI subsystem shared by every client: the initialize count of all clients together,
 * the open sessions, the profiles. Concurrency: {@code this} guards the counts and
 * {@code sessions}; sessions are logged off without it.
 */
@Component(service = MapiSubsystem.class, immediate = true)
public class MapiSubsystem implements RuntimeServices {
	/** Framework property: remember where each tracked object was made, for the leak report. */
	public static final String LEAKS_DEBUG_PROPERTY = "mapihost.leaks.debug";
	/** Framework property: how often the spooler polls transports and retries the Outbox, in ms (default 250). */
	public static final String SPOOLER_POLL_PROPERTY = "mapihost.spooler.pollMillis";
	/** Framework property: how long {@code LOGOFF_PURGE} may take, in ms (default 30000). */
	public static final String SPOOLER_FLUSH_PROPERTY = "mapihost.spooler.flushMillis";
	/** Framework property: how long a provider call may take before the runtime gives up on it, in ms (default 30000). */
	public static final String CALL_TIMEOUT_PROPERTY = "mapihost.provider.callTimeoutMillis";

	@Reference(service = LoggerFactory.class)
	Logger log;

	@Reference
	TraceRecorder trace;

	@Reference
	ProviderCatalog catalog;

	@Reference
	LibraryManager libraries;

	private final Consumer<ProviderService> providerGone = this::hotUnload;
	private LeakTracker leaks;
	private SpoolerSettings spoolerSettings = SpoolerSettings.DEFAULTS;
	private CallWatch watch;

	@Activate
	void activate(BundleContext context) {
		leaks = new LeakTracker(Boolean.parseBoolean(context.getProperty(LEAKS_DEBUG_PROPERTY)));
		watch = new CallWatch(callTimeout(context), trace, log);
		spoolerSettings = spoolerSettings(context);
		catalog.onProviderGone(providerGone);
		libraries.setSessionView(new SessionView() {
			@Override
			public int logonsOf(String provider) {
				return sessions().stream().mapToInt(s -> s.logonsOf(provider)).sum();
			}

			@Override
			public List<String> leaked(String kind) {
				return leaks.leaked(kind);
			}
		});
	}

	/**
	 * Rule 5, inside the provider service's unregistration: refuse new calls, drain those in
	 * flight (bounded), then shut down every logon and provider object of it in every session.
	 */
	private void hotUnload(ProviderService service) {
		Step step = trace.begin("MAPI::HotUnload", null, service.name(), service.bundleName(), List.of());
		List<String> failed = new CopyOnWriteArrayList<>();
		try {
			long drain = libraries.drainMillis();
			int left = service.gate().closeAndDrain(drain);
			if (left > 0) {
				trace.violation(null, service.name(), service.bundleName(),
						left + " calls still in flight after " + drain + " ms; the unload goes on");
			}
			// A sequence, so that a rescue thread goes on to the other sessions should one of them hang.
			Sequence sessionsToShutDown = new Sequence(watch, trace, "hot unload of " + service.name()).closing(step);
			for (Session session : sessions()) {
				sessionsToShutDown.add(() -> {
					try {
						session.providerGone(service);
					} catch (RuntimeException e) {
						// One session that cannot be shut down in time must not keep the others' logons alive.
						failed.add(session.id() + ": " + e.getMessage());
						log.error("Hot unload of {} in session {} failed: {}", service.name(), session.id(), e.toString());
					}
				});
			}
			sessionsToShutDown.run();
		} finally {
			String reason = libraries.unloadReason(service.name());
			TraceRecorder.end(step, failed.isEmpty() ? ResultCode.S_OK : ResultCode.MAPI_E_CALL_FAILED,
					failed.isEmpty() ? reason : reason + "; not shut down in " + String.join("; ", failed));
		}
	}

	private long callTimeout(BundleContext context) {
		try {
			long millis = longProperty(context, CALL_TIMEOUT_PROPERTY, CallWatch.DEFAULT_TIMEOUT_MILLIS);
			if (millis <= 0) {
				throw new IllegalArgumentException(CALL_TIMEOUT_PROPERTY + " must be positive, not " + millis);
			}
			log.info("Provider calls are given up on after {} ms", millis);
			return millis;
		} catch (IllegalArgumentException e) {
			log.error("{}; the default {} ms is used", e.getMessage(), CallWatch.DEFAULT_TIMEOUT_MILLIS);
			return CallWatch.DEFAULT_TIMEOUT_MILLIS;
		}
	}

	private SpoolerSettings spoolerSettings(BundleContext context) {
		SpoolerSettings defaults = SpoolerSettings.DEFAULTS;
		try {
			return new SpoolerSettings(longProperty(context, SPOOLER_POLL_PROPERTY, defaults.pollMillis()),
					longProperty(context, SPOOLER_FLUSH_PROPERTY, defaults.flushMillis()), libraries.drainMillis());
		} catch (IllegalArgumentException e) {
			log.error("Spooler settings ignored, defaults used: {}", e.getMessage());
			return defaults;
		}
	}

	private static long longProperty(BundleContext context, String name, long fallback) {
		String value = context.getProperty(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Long.parseLong(value.strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " is not a number: " + value);
		}
	}

	@Override
	public SpoolerSettings spoolerSettings() {
		return spoolerSettings;
	}

	@Override
	public CallWatch watch() {
		return watch;
	}

	@Deactivate
	void deactivate() {
		catalog.removeListener(providerGone);
		libraries.setSessionView(null);
		logoffSessions(null, "the MAPI runtime is stopping");
		watch.close();
	}

	private final List<ProfileConfiguration> profiles = new CopyOnWriteArrayList<>();
	private final Map<String, AtomicLong> ids = new ConcurrentHashMap<>();
	private final Map<String, Session> sessions = new LinkedHashMap<>();
	private int initializeCount;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void bindProfile(ProfileConfiguration profile) {
		profiles.add(profile);
	}

	void unbindProfile(ProfileConfiguration profile) {
		profiles.remove(profile);
	}

	/** Finds a profile by name; a broken configuration of that name fails with its error. */
	Profile profile(String name) {
		for (ProfileConfiguration configuration : profiles) {
			Profile profile = configuration.profile();
			if (profile != null && profile.name().equals(name)) {
				return profile;
			}
		}
		for (ProfileConfiguration configuration : profiles) {
			if (configuration.error() != null && name.equals(configuration.declaredName())) {
				throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED,
						"profile '" + name + "' is broken: " + configuration.error());
			}
		}
		throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "there is no profile named '" + name + "'; profiles: " + profileNames());
	}

	public List<String> profileNames() {
		List<String> names = new ArrayList<>();
		for (ProfileConfiguration configuration : profiles) {
			names.add(configuration.profile() != null ? configuration.profile().name()
					: configuration.declaredName() + " (broken: " + configuration.error() + ")");
		}
		return names;
	}

	synchronized void initialized() {
		initializeCount++;
	}

	/** Takes {@code count} from the total; returns true when it reached zero. */
	synchronized boolean uninitialized(int count) {
		initializeCount -= count;
		return initializeCount == 0;
	}

	public synchronized int initializeCount() {
		return initializeCount;
	}

	@Override
	public synchronized void sessionStarted(Session session) {
		sessions.put(session.id(), session);
	}

	@Override
	public synchronized void sessionEnded(Session session) {
		sessions.remove(session.id(), session);
	}

	public synchronized List<Session> sessions() {
		return new ArrayList<>(sessions.values());
	}

	/** Logs off every session (or those of one client) that is still open. */
	int logoffSessions(Object owner, String reason) {
		int count = 0;
		for (Session session : sessions()) {
			if ((owner == null || session.owner() == owner) && session.forceLogoff(reason)) {
				count++;
			}
		}
		return count;
	}

	/** Finds any session or handle by its id, for the shell. */
	public Optional<MapiHandle> findHandle(String id) {
		for (Session session : sessions()) {
			if (session.id().equals(id)) {
				return Optional.of(session);
			}
			for (MapiHandle handle : session.handles()) {
				if (handle.id().equals(id)) {
					return Optional.of(handle);
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public TraceRecorder trace() {
		return trace;
	}

	@Override
	public ProviderCatalog catalog() {
		return catalog;
	}

	@Override
	public Logger log() {
		return log;
	}

	@Override
	public LibraryManager libraries() {
		return libraries;
	}

	@Override
	public LeakTracker leaks() {
		return leaks;
	}

	@Override
	public String nextId(String prefix) {
		return prefix + ids.computeIfAbsent(prefix, p -> new AtomicLong()).incrementAndGet();
	}
}

package org.mapihost.runtime.library;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.admin.LeakReport;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.runtime.provider.ProviderCatalog;
import org.mapihost.runtime.provider.ProviderService;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Provider libraries: the providers folder's index, {@code LoadLibrary} when a logon needs a
 * provider that is not registered, {@code FreeLibrary} after the last {@code MAPIUninitialize},
 * hot update and unload (DESIGN.md §3 rules 4 and 5, §4). Loads and frees of one jar are
 * serialized on its {@code loading} lock; a logon never waits for an unload (it is refused), and
 * waits for a load at most {@code serviceWaitMillis}. {@link #libraries()} reads without locks, so a listing may lag a change in progress.
 */
@Component(service = { ProviderLibraries.class, LibraryManager.class }, immediate = true,
		configurationPid = "org.mapihost.libraries")
public class LibraryManager implements ProviderLibraries {
	/** Configuration of provider libraries. */
	public @interface Config {
		/** How long a logon waits for a freshly loaded library to register its provider. */
		long serviceWaitMillis() default 10_000;

		/** How long a hot unload waits for calls in flight. */
		long drainMillis() default 10_000;

		/** Whether FreeLibrary checks that the old class loader is collected. */
		boolean verifyUnload() default true;

		/** How many garbage collections that check may ask for. */
		int gcAttempts() default 10;
	}

	private record FreedLoader(String library, WeakReference<ClassLoader> loader) {
	}

	private final BundleContext context;
	private final Logger log;
	private final ProviderCatalog catalog;
	private final TraceRecorder trace;
	private volatile Config config;
	private final BundleUnloader unloader;
	private final LibraryIndex index = new LibraryIndex();
	private final Path folder;
	private final Map<String, String> unloadReasons = new ConcurrentHashMap<>();
	private final List<FreedLoader> freedLoaders = new CopyOnWriteArrayList<>();
	private final Map<Long, Runnable> pendingRefresh = new ConcurrentHashMap<>();
	private final SynchronousBundleListener listener = this::bundleChanged;
	private volatile SessionView sessions = SessionView.NONE;

	@Activate
	public LibraryManager(BundleContext context, @Reference(service = LoggerFactory.class) Logger log,
			@Reference ProviderCatalog catalog, @Reference TraceRecorder trace, Config config) {
		this.context = context;
		this.log = log;
		this.catalog = catalog;
		this.trace = trace;
		this.config = config;
		this.unloader = new BundleUnloader(context);
		String dir = context.getProperty(PROVIDERS_DIR_PROPERTY);
		this.folder = realPath(Path.of(dir == null || dir.isBlank() ? "providers" : dir));
		context.addBundleListener(listener);
		scanFolder();
	}

	/** A configuration change applies to the next load or unload; nothing is restarted. */
	@Modified
	void modified(Config config) {
		this.config = config;
		log.info("Provider libraries configuration: serviceWaitMillis={}, drainMillis={}, verifyUnload={}, gcAttempts={}",
				config.serviceWaitMillis(), config.drainMillis(), config.verifyUnload(), config.gcAttempts());
	}

	@Deactivate
	void deactivate() {
		context.removeBundleListener(listener);
	}

	private void scanFolder() {
		if (!Files.isDirectory(folder)) {
			log.info("Providers folder {} does not exist (yet)", folder);
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			for (Path file : files) {
				if (Files.isRegularFile(file)) {
					indexed(file);
				}
			}
		} catch (IOException e) {
			log.error("Cannot read the providers folder {}: {}", folder, e.toString());
		}
	}

	public Path folder() {
		return folder;
	}

	public long drainMillis() {
		return config.drainMillis();
	}

	/** The subsystem's view of its sessions: logons per provider, and its own leaks. */
	public void setSessionView(SessionView view) {
		sessions = view == null ? SessionView.NONE : view;
	}

	/** Indexes a file of the providers folder (new, or seen at start). */
	public LibraryJar indexed(Path file) {
		Path path = normalize(file);
		String before = index.get(path).map(j -> j.failure == null ? String.valueOf(j.declared) : j.failure).orElse(null);
		LibraryJar jar = index.index(path);
		if ((jar.failure == null ? String.valueOf(jar.declared) : jar.failure).equals(before)) {
			return jar;
		}
		if (jar.failure != null) {
			log.error("Provider library {} failed: {}", file.getFileName(), jar.failure);
		} else {
			log.info("Provider library {} available: {}", file.getFileName(), jar.declared.providers());
		}
		return jar;
	}

	/** The kind of a provider the index knows, so a profile entry can be classified without loading. */
	public Optional<ProviderKind> indexedKind(String name) {
		return index.declaring(name).flatMap(j -> j.declared.providers().stream().filter(p -> p.name().equals(name))
				.map(ProviderDeclaration::kind).findFirst());
	}

	/** Why a provider's service is going away, for the trace; consumed once. */
	public String unloadReason(String name) {
		String reason = unloadReasons.remove(name);
		return reason != null ? reason : "its service was unregistered (bundle stopped, updated or uninstalled)";
	}

	/**
	 * {@code LoadLibrary} if needed: installs and starts the jar that declares the provider, once,
	 * and waits for its provider service.
	 *
	 * @throws MapiException {@code MAPI_E_LOGON_FAILED} naming what went wrong
	 */
	public ProviderService load(String name, String session) {
		LibraryJar jar = index.declaring(name).orElseThrow(() -> new MapiException(ResultCode.MAPI_E_LOGON_FAILED,
				"provider " + name + " is not available (not registered, and not declared by a jar in " + folder + ")"));
		// Checked before the lock too: the unload holds it while it shuts down logons, which may
		// need the session lock this logon's caller holds.
		refuseWhileUnloading(jar, name);
		lock(jar, name);
		try {
			refuseWhileUnloading(jar, name);
			if (jar.bundle == null) {
				install(jar, name, session);
			} else if (jar.bundle.getState() != Bundle.ACTIVE) {
				start(jar, jar.bundle);
			}
		} finally {
			jar.loading.unlock();
		}
		return catalog.await(name, config.serviceWaitMillis()).orElseThrow(() -> {
			String why = "bundle " + jar.object() + " registered no provider " + name + " within " + config.serviceWaitMillis() + " ms";
			jar.providerFailures.put(name, why);
			log.error("Provider library {}: {}", jar.file.getFileName(), why);
			return new MapiException(ResultCode.MAPI_E_LOGON_FAILED, why);
		});
	}

	private static void refuseWhileUnloading(LibraryJar jar, String name) {
		Bundle bundle = jar.bundle;
		if (jar.unloading || bundle != null && bundle.getState() == Bundle.STOPPING) {
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + name + " is being unloaded");
		}
	}

	private void lock(LibraryJar jar, String name) {
		try {
			if (jar.loading.tryLock(config.serviceWaitMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + name + ": its library " + jar.object()
				+ " was busy loading or unloading for more than " + config.serviceWaitMillis() + " ms");
	}

	private void install(LibraryJar jar, String name, String session) {
		Step step = trace.begin("LoadLibrary", session, name, jar.object(), List.of());
		Bundle bundle = null;
		try (InputStream bytes = Files.newInputStream(jar.file)) {
			bundle = context.installBundle(jar.file.toUri().toString(), bytes);
			start(jar, bundle);
			jar.bundle = bundle;
			jar.loadedFor = name;
			jar.loadCount++;
			jar.providerFailures.clear();
			jar.loader = new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader());
			TraceRecorder.end(step, ResultCode.S_OK, null);
			log.info("LoadLibrary {} for provider {}", jar.object(), name);
		} catch (IOException | BundleException | MapiException | IllegalStateException e) {
			uninstallQuietly(bundle);
			if (jar.failure == null) {
				jar.failure = "cannot load: " + e.getMessage();
			}
			TraceRecorder.end(step, ResultCode.MAPI_E_LOGON_FAILED, jar.failure);
			log.error("Provider library {} failed: {}", jar.file.getFileName(), jar.failure);
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + name + ": " + jar.failure, e);
		}
	}

	private void start(LibraryJar jar, Bundle bundle) {
		try {
			bundle.start();
		} catch (BundleException e) {
			jar.failure = "cannot start " + bundle.getSymbolicName() + ": " + e.getMessage();
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, jar.failure, e);
		}
	}

	private void uninstallQuietly(Bundle bundle) {
		if (bundle != null) {
			String problem = unloader.uninstallAndRefresh(bundle);
			if (problem != null) {
				log.warn("Cleaning up a failed load: {}", problem);
			}
		}
	}

	/** {@code FreeLibrary} of every library the runtime loaded (the last {@code MAPIUninitialize}). */
	public void freeAll(String reason) {
		for (LibraryJar jar : index.all()) {
			free(jar, reason);
		}
	}

	/**
	 * {@code FreeLibrary}: stops the bundle (its service's unregistration hot-unloads whatever
	 * still uses it), uninstalls it, refreshes it alone, waits, and checks what is left.
	 */
	void free(LibraryJar jar, String reason) {
		if (jar.bundle == null) {
			return;
		}
		jar.unloading = true;
		jar.loading.lock();
		try {
			Bundle bundle = jar.bundle;
			if (bundle != null) {
				free(jar, bundle, reason);
			}
		} finally {
			jar.unloading = false;
			jar.loading.unlock();
		}
	}

	private void free(LibraryJar jar, Bundle bundle, String reason) {
		jar.declared.providers().forEach(p -> unloadReasons.put(p.name(), reason));
		Step step = trace.begin("FreeLibrary", null, jar.loadedFor, loadedObject(bundle), List.of());
		String problem = null;
		try {
			problem = unloader.uninstallAndRefresh(bundle);
			if (problem == null && unloader.removalPending().stream().anyMatch(b -> b.endsWith("[" + bundle.getBundleId() + "]"))) {
				problem = "still removal-pending after the refresh";
			}
		} finally {
			jar.bundle = null;
			jar.declared.providers().forEach(p -> unloadReasons.remove(p.name()));
			freed(jar);
			TraceRecorder.end(step, problem == null ? ResultCode.S_OK : ResultCode.MAPI_E_CALL_FAILED,
					problem == null ? reason : reason + "; " + problem);
		}
		log.info("FreeLibrary {} ({})", jar.object(), reason);
	}

	/** The bundle's own name and version: the jar in the folder may already be a newer one. */
	private static String loadedObject(Bundle bundle) {
		return bundle.getSymbolicName() + "_" + bundle.getVersion();
	}

	private void freed(LibraryJar jar) {
		WeakReference<ClassLoader> loader = jar.loader;
		jar.loader = null;
		if (loader == null || loader.get() == null) {
			return;
		}
		FreedLoader freedLoader = new FreedLoader(jar.object(), loader);
		if (config.verifyUnload() && BundleUnloader.collected(loader, config.gcAttempts())) {
			return;
		}
		freedLoaders.add(freedLoader);
		if (config.verifyUnload()) {
			log.warn("The class loader of freed library {} is still reachable after {} collections", jar.object(), config.gcAttempts());
		}
	}

	@Override
	public void unload(String name) {
		Optional<LibraryJar> jar = index.declaring(name).filter(j -> j.bundle != null);
		if (jar.isPresent()) {
			free(jar.get(), "operator unload");
			return;
		}
		ProviderService service = catalog.find(name).orElseThrow(() -> new MapiException(ResultCode.MAPI_E_NOT_FOUND,
				"provider " + name + " is not loaded"));
		Bundle bundle = service.reference().getBundle();
		unloadReasons.put(name, "operator unload");
		try {
			bundle.stop();
		} catch (BundleException | IllegalStateException e) {
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED, "cannot stop " + bundle.getSymbolicName() + ": " + e.getMessage(), e);
		}
	}

	/** A jar of the providers folder changed: re-index it; if it is loaded, hot-update it. */
	public void changed(Path file) {
		Path path = normalize(file);
		LibraryJar jar = index.get(path).orElse(null);
		if (jar == null || jar.bundle == null) {
			indexed(path);
			return;
		}
		jar.unloading = true;
		jar.loading.lock();
		try {
			LibraryJar reindexed = indexed(path);
			if (reindexed.failure != null) {
				free(jar, "file changed and is no longer a valid provider library: " + reindexed.failure);
			} else if (jar.bundle != null) {
				update(jar, jar.bundle);
			}
		} finally {
			jar.unloading = false;
			jar.loading.unlock();
		}
	}

	private void update(LibraryJar jar, Bundle bundle) {
		String oldObject = loadedObject(bundle);
		jar.declared.providers().forEach(p -> unloadReasons.put(p.name(), "hot update"));
		Step free = trace.begin("FreeLibrary", null, jar.loadedFor, oldObject, List.of());
		try (InputStream bytes = Files.newInputStream(jar.file)) {
			// Stopped first, started last: update() alone would restart the old wiring, and the
			// refresh would stop and start it once more.
			bundle.stop();
			bundle.update(bytes);
			String problem = unloader.refresh(bundle);
			bundle.start();
			TraceRecorder.end(free, problem == null ? ResultCode.S_OK : ResultCode.MAPI_E_CALL_FAILED,
					problem == null ? "hot update" : "hot update; " + problem);
		} catch (IOException | BundleException | IllegalStateException e) {
			TraceRecorder.end(free, ResultCode.MAPI_E_CALL_FAILED, "hot update failed: " + e.getMessage());
			jar.failure = "hot update failed: " + e.getMessage();
			log.error("Hot update of {} failed: {}", jar.file.getFileName(), e.toString());
			return;
		} finally {
			jar.declared.providers().forEach(p -> unloadReasons.remove(p.name()));
		}
		freed(jar);
		Step load = trace.begin("LoadLibrary", null, jar.loadedFor, loadedObject(bundle), List.of());
		jar.loadCount++;
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		jar.loader = wiring == null ? null : new WeakReference<>(wiring.getClassLoader());
		TraceRecorder.end(load, ResultCode.S_OK, "hot update");
		log.info("Hot update of {} to {}", oldObject, loadedObject(bundle));
	}

	/** A jar of the providers folder was deleted: hot-unload it if loaded, then forget it. */
	public void deleted(Path file) {
		index.get(normalize(file)).ifPresent(jar -> {
			free(jar, "file deleted");
			index.remove(jar.file);
			log.info("Provider library {} removed", file.getFileName());
		});
	}

	/**
	 * A bundle the runtime loaded was uninstalled or updated by other means (the shell's
	 * {@code uninstall} or {@code update}): account for its FreeLibrary (and LoadLibrary of the new
	 * revision), and refresh it — later, on another thread, as the framework is in the middle of
	 * the operation now.
	 */
	private void bundleChanged(BundleEvent event) {
		Bundle bundle = event.getBundle();
		if (event.getType() == BundleEvent.STARTED) {
			Runnable refresh = pendingRefresh.remove(bundle.getBundleId());
			if (refresh != null) {
				refresh.run();
			}
			return;
		}
		if (event.getType() != BundleEvent.UNINSTALLED && event.getType() != BundleEvent.UPDATED) {
			return;
		}
		index.loadedAs(bundle.getBundleId()).filter(jar -> !jar.unloading).ifPresent(jar -> {
			boolean uninstalled = event.getType() == BundleEvent.UNINSTALLED;
			String why = (uninstalled ? "uninstalled" : "updated") + " by other means";
			Step free = trace.begin("FreeLibrary", null, jar.loadedFor, jar.object(), List.of());
			if (uninstalled) {
				jar.bundle = null;
			}
			TraceRecorder.end(free, ResultCode.S_OK, why);
			WeakReference<ClassLoader> old = jar.loader;
			jar.loader = null;
			if (!uninstalled) {
				jar.loadCount++;
				trace.instant("LoadLibrary", null, jar.loadedFor, bundle.getSymbolicName() + "_" + bundle.getVersion(), List.of(),
						ResultCode.S_OK, why);
			}
			if (uninstalled) {
				refreshLater(bundle, jar, old);
			} else {
				// The framework restarts an updated bundle after this event; a refresh now would
				// compete with that restart for the framework's lock, so it waits for STARTED. It is
				// needed only if the old revision is still wired (removal-pending); otherwise it
				// would just stop and start the new revision, hot-unloading what it already serves.
				pendingRefresh.put(bundle.getBundleId(), () -> {
					if (unloader.isRemovalPending(bundle)) {
						refreshLater(bundle, jar, old);
					} else {
						adopted(bundle, jar, old);
					}
				});
			}
		});
	}

	private void refreshLater(Bundle bundle, LibraryJar jar, WeakReference<ClassLoader> old) {
		Thread refresh = new Thread(() -> {
			String problem = unloader.refresh(bundle);
			if (problem != null) {
				log.warn("Refresh of {} after a change by other means: {}", bundle.getSymbolicName(), problem);
			}
			adopted(bundle, jar, old);
		}, "mapihost-refresh-" + bundle.getSymbolicName());
		refresh.setDaemon(true);
		refresh.start();
	}

	/** Takes the bundle's current class loader as the jar's, and keeps an eye on the old one. */
	private void adopted(Bundle bundle, LibraryJar jar, WeakReference<ClassLoader> old) {
		jar.loading.lock();
		try {
			if (jar.bundle == bundle) {
				BundleWiring wiring = bundle.adapt(BundleWiring.class);
				jar.loader = wiring == null ? null : new WeakReference<>(wiring.getClassLoader());
			}
		} finally {
			jar.loading.unlock();
		}
		if (old != null && old.get() != null) {
			freedLoaders.add(new FreedLoader(jar.object(), old));
		}
	}

	@Override
	public List<LibraryInfo> libraries() {
		List<LibraryInfo> infos = new ArrayList<>();
		for (LibraryJar jar : index.all()) {
			if (jar.declared == null) {
				infos.add(new LibraryInfo(jar.file.getFileName().toString(), null, "", "", LibraryState.FAILED, 0, jar.loadCount, -1,
						jar.file.toString(), jar.failure));
				continue;
			}
			for (ProviderDeclaration provider : jar.declared.providers()) {
				infos.add(info(jar, provider));
			}
		}
		for (ProviderService service : catalog.all()) {
			if (index.declaring(service.name()).isEmpty()) {
				int logons = sessions.logonsOf(service.name());
				Bundle bundle = service.reference().getBundle();
				infos.add(new LibraryInfo(service.name(), service.kind(), service.display(),
						bundle == null ? "" : bundle.getVersion().toString(), logons > 0 ? LibraryState.IN_USE : LibraryState.LOADED,
						logons, 0, bundle == null ? -1 : bundle.getBundleId(), bundle == null ? "" : bundle.getLocation(), null));
			}
		}
		return infos;
	}

	private LibraryInfo info(LibraryJar jar, ProviderDeclaration provider) {
		Bundle bundle = jar.bundle;
		int logons = sessions.logonsOf(provider.name());
		String failure = jar.failure != null ? jar.failure : jar.providerFailures.get(provider.name());
		LibraryState state;
		if (failure != null) {
			state = LibraryState.FAILED;
		} else if (jar.unloading) {
			state = LibraryState.UNLOADING;
		} else if (bundle == null) {
			state = LibraryState.AVAILABLE;
		} else {
			state = logons > 0 ? LibraryState.IN_USE : LibraryState.LOADED;
		}
		return new LibraryInfo(provider.name(), provider.kind(), provider.display(), jar.declared.version(), state, logons,
				jar.loadCount, bundle == null ? -1 : bundle.getBundleId(), jar.file.toString(), failure);
	}

	@Override
	public Optional<LibraryInfo> library(String name) {
		return libraries().stream().filter(l -> l.name().equals(name)).findFirst();
	}

	@Override
	public LeakReport leaks() {
		SessionView view = sessions;
		List<String> reachable = new ArrayList<>();
		for (FreedLoader freed : freedLoaders) {
			if (BundleUnloader.collected(freed.loader(), config.gcAttempts())) {
				freedLoaders.remove(freed);
			} else {
				reachable.add("class loader of " + freed.library());
			}
		}
		return new LeakReport(view.leaked("provider object"), view.leaked("logon"), view.leaked("support object"),
				view.leaked("client handle"), unloader.removalPending(), reachable);
	}

	private static Path normalize(Path file) {
		return realPath(file);
	}

	/** The real path where it exists (FileInstall reports files by it), else the absolute, normalized one. */
	static Path realPath(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		try {
			return absolute.toRealPath();
		} catch (IOException e) {
			Path parent = absolute.getParent();
			if (parent != null && !parent.equals(absolute) && Files.exists(parent)) {
				return realPath(parent).resolve(absolute.getFileName());
			}
			return absolute;
		}
	}
}

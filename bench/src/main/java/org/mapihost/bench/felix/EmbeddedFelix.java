package org.mapihost.bench.felix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.mapihost.bench.harness.Files2;
import org.mapihost.bench.noop.NoopStoreProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A Felix framework in this JVM, with the bundles the in-framework tests run (SCR, ConfigAdmin,
 * EventAdmin, Felix Log, …) from the folder the build fills. The api packages and the no-op
 * provider's package come from the class path through the system bundle, so the harness calls
 * the runtime's services with its own classes.
 */
public final class EmbeddedFelix implements AutoCloseable {
	/** What every framework here runs, before the runtime. */
	public static final List<String> BASE = List.of("component.jar", "promise.jar", "function.jar", "scr.jar", "configadmin.jar",
			"eventadmin.jar", "log.jar", "gogo-runtime.jar", "fileinstall.jar");
	public static final String RUNTIME = "runtime.jar";
	/** Waits for a service or a state, in milliseconds. */
	public static final long TIMEOUT = 30_000;

	private static final String API_VERSION = ";version=1.0.0";
	private static final String SHARED_PACKAGES = String.join(",", "org.mapihost.api" + API_VERSION,
			"org.mapihost.api.provider" + API_VERSION, "org.mapihost.api.kit" + API_VERSION, "org.mapihost.api.trace" + API_VERSION,
			"org.mapihost.api.admin" + API_VERSION, NoopStoreProvider.class.getPackageName() + API_VERSION);

	private final Framework framework;
	private final Path bundles;

	private EmbeddedFelix(Framework framework, Path bundles) {
		this.framework = framework;
		this.bundles = bundles;
	}

	/**
	 * Starts a framework with clean storage under {@code work}, then installs and starts the named
	 * jars of {@code bundles} in order (FileInstall is installed, never started: the runtime only
	 * needs its API).
	 */
	public static EmbeddedFelix start(Path work, Path bundles, List<String> jars, Map<String, String> properties) throws Exception {
		Files2.deleteTree(work);
		Map<String, String> config = new HashMap<>();
		config.put(Constants.FRAMEWORK_STORAGE, work.resolve("felix-cache").toString());
		config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
		config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SHARED_PACKAGES);
		config.put("org.osgi.service.log.admin.loglevel", "WARN");
		config.put("mapihost.providers", work.resolve("providers").toString());
		config.putAll(properties);
		Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
				.orElseThrow(() -> new IllegalStateException("no OSGi FrameworkFactory on the class path"))
				.newFramework(config);
		framework.start();
		EmbeddedFelix felix = new EmbeddedFelix(framework, bundles);
		List<Bundle> installed = new ArrayList<>();
		for (String jar : jars) {
			installed.add(felix.install(jar));
		}
		for (Bundle bundle : installed) {
			if (!bundle.getSymbolicName().equals("org.apache.felix.fileinstall")) {
				bundle.start();
			}
		}
		return felix;
	}

	/** Installs a jar of the bundles folder. */
	public Bundle install(String jar) throws BundleException, IOException {
		Path file = bundles.resolve(jar);
		if (!java.nio.file.Files.isRegularFile(file)) {
			throw new IllegalArgumentException("bundle " + file + " is missing (the build copies it there)");
		}
		return context().installBundle(file.toUri().toString());
	}

	public BundleContext context() {
		return framework.getBundleContext();
	}

	public FrameworkWiring wiring() {
		return framework.adapt(FrameworkWiring.class);
	}

	/** The service, waiting for it up to {@link #TIMEOUT}. */
	public <T> T service(Class<T> type) {
		return context().getService(await(type.getName(), null));
	}

	/** A reference to a service of the type (and filter, or null), waiting for it up to {@link #TIMEOUT}. */
	@SuppressWarnings("unchecked")
	public <T> ServiceReference<T> await(String type, String filter) {
		ServiceReference<?>[] found = new ServiceReference<?>[1];
		awaitTrue("a service " + (type == null ? "" : type) + (filter == null ? "" : " " + filter), () -> {
			try {
				ServiceReference<?>[] refs = context().getServiceReferences(type, filter);
				found[0] = refs == null ? null : refs[0];
				return found[0] != null;
			} catch (InvalidSyntaxException e) {
				throw new IllegalArgumentException(filter, e);
			}
		});
		return (ServiceReference<T>) found[0];
	}

	/** Polls the condition every millisecond up to {@link #TIMEOUT}; fails naming what did not happen. */
	public static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("waited " + TIMEOUT + " ms for " + what);
			}
			try {
				Thread.sleep(1);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + what, e);
			}
		}
	}

	/** Refreshes the bundles and waits until the refresh is done. */
	public void refresh(List<Bundle> bundles) throws InterruptedException {
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
		wiring().refreshBundles(bundles, event -> done.countDown());
		if (!done.await(TIMEOUT, TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("a refresh of " + bundles + " did not finish in " + TIMEOUT + " ms");
		}
	}

	@Override
	public void close() throws Exception {
		framework.stop();
		FrameworkEvent event = framework.waitForStop(TIMEOUT);
		if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
			throw new IllegalStateException("the framework did not stop within " + TIMEOUT + " ms");
		}
	}
}

package org.mapihost.itests.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits for what happens asynchronously after a test changes a configuration: SCR registers
 * the runtime's profile component (with the configuration's properties) and binds it while
 * ConfigurationAdmin delivers the configuration's events to its listeners.
 */
public final class ConfigurationWaits {
	/** The factory PID of profile configurations. */
	public static final String PROFILE_PID = "org.mapihost.profile";

	private static final String BARRIER_PID = "org.mapihost.itests.barrier";
	private static final AtomicInteger BARRIERS = new AtomicInteger();

	private ConfigurationWaits() {
	}

	/**
	 * Waits until the runtime has taken up the profile: its component's service is registered
	 * (the first step) and ConfigurationAdmin has delivered every event so far (the second).
	 *
	 * @throws AssertionError when either does not happen within {@code timeoutMillis}
	 */
	public static void awaitProfile(BundleContext context, ConfigurationAdmin admin, String profile, long timeoutMillis) {
		ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, profileFilter(context, profile), null);
		tracker.open(true);
		try {
			if (tracker.waitForService(timeoutMillis) == null) {
				throw new AssertionError("the runtime did not take up profile " + profile + " within " + timeoutMillis + " ms");
			}
			awaitConfigurationEvents(context, admin, timeoutMillis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for profile " + profile, e);
		} finally {
			tracker.close();
		}
	}

	/**
	 * Waits until ConfigurationAdmin has delivered every configuration event raised so far: it
	 * delivers them one after the other, so once the event of a configuration made now has
	 * arrived, the listeners (SCR among them) are done with the earlier ones.
	 *
	 * @throws AssertionError when the event does not arrive within {@code timeoutMillis}
	 */
	public static void awaitConfigurationEvents(BundleContext context, ConfigurationAdmin admin, long timeoutMillis)
			throws InterruptedException {
		String pid = BARRIER_PID + "." + context.getBundle().getBundleId() + "." + BARRIERS.incrementAndGet();
		CountDownLatch delivered = new CountDownLatch(1);
		ConfigurationListener listener = event -> {
			if (event.getPid().equals(pid) && event.getType() == ConfigurationEvent.CM_DELETED) {
				delivered.countDown();
			}
		};
		ServiceRegistration<ConfigurationListener> registration = context.registerService(ConfigurationListener.class, listener, null);
		try {
			Configuration barrier = admin.getConfiguration(pid, "?");
			barrier.update(new Hashtable<>(Map.of("barrier", pid)));
			barrier.delete();
			if (!delivered.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
				throw new AssertionError("ConfigurationAdmin did not deliver its events within " + timeoutMillis + " ms");
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			registration.unregister();
		}
	}

	private static Filter profileFilter(BundleContext context, String profile) {
		try {
			return context.createFilter("(&(service.factoryPid=" + PROFILE_PID + ")(name=" + profile + "))");
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException("profile name " + profile, e);
		}
	}
}

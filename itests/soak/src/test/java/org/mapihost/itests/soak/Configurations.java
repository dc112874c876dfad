package org.mapihost.itests.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The soak's configuration through ConfigurationAdmin: the runtime's own settings and the two
 * profiles, each waited for until the runtime has it (the same two steps as the mail suite).
 */
final class Configurations {
	static final String PROFILE_PID = "org.mapihost.profile";
	private static final String BARRIER_PID = "org.mapihost.itests.soak.barrier";
	private static final AtomicInteger BARRIERS = new AtomicInteger();

	private final BundleContext context;
	private final ConfigurationAdmin admin;
	private final long timeoutMillis;

	Configurations(BundleContext context, ConfigurationAdmin admin, long timeoutMillis) {
		this.context = context;
		this.admin = admin;
		this.timeoutMillis = timeoutMillis;
	}

	/** Sets a singleton configuration and waits until ConfigurationAdmin has delivered it. */
	void set(String pid, Map<String, Object> properties) throws IOException, InterruptedException {
		admin.getConfiguration(pid, "?").update(new Hashtable<>(properties));
		awaitDelivered();
	}

	/** Makes the profile and waits until the runtime has taken it up. */
	void profile(String name, Map<String, String> entries) throws IOException, InterruptedException {
		Hashtable<String, Object> properties = new Hashtable<>(entries);
		properties.put("name", name);
		admin.getFactoryConfiguration(PROFILE_PID, name, "?").update(properties);
		ServiceTracker<Object, Object> tracker;
		try {
			tracker = new ServiceTracker<>(context, context.createFilter("(&(service.factoryPid=" + PROFILE_PID + ")(name=" + name + "))"), null);
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException("profile name " + name, e);
		}
		tracker.open(true);
		try {
			if (tracker.waitForService(timeoutMillis) == null) {
				throw new AssertionError("the runtime did not take up profile " + name + " within " + timeoutMillis + " ms");
			}
			awaitDelivered();
		} finally {
			tracker.close();
		}
	}

	/** ConfigurationAdmin delivers events in order: once this one's arrived, the listeners have the earlier ones. */
	private void awaitDelivered() throws InterruptedException {
		String pid = BARRIER_PID + "." + BARRIERS.incrementAndGet();
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
}

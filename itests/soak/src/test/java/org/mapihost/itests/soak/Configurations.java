package org.mapihost.itests.soak;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;

import org.mapihost.itests.testkit.ConfigurationWaits;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The soak's configuration through ConfigurationAdmin: the runtime's own settings and the two
 * profiles, each waited for until the runtime has it (the same two steps as the mail suite).
 */
final class Configurations {
	static final String PROFILE_PID = "org.mapihost.profile";

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
		ConfigurationWaits.awaitProfile(context, admin, name, timeoutMillis);
	}

	private void awaitDelivered() throws InterruptedException {
		ConfigurationWaits.awaitConfigurationEvents(context, admin, timeoutMillis);
	}
}

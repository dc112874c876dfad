package org.mapihost.host.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits, up to one deadline, for what a script's first line may need: the {@code mapi} Gogo
 * commands, and every profile configuration the host knows of, published by the runtime (its
 * profile components carry their configuration's {@code service.pid}).
 * <p>
 * A {@link ServiceTracker} by filter, not a DS reference: Gogo commands may be registered under
 * any type, and the runtime's profile services are of a type the host cannot import.
 */
final class Readiness {
	static final String COMMANDS = "(osgi.command.scope=mapi)";
	static final String PROFILE_FACTORY_PID = "org.mapihost.profile";

	private final BundleContext context;
	private final long deadline;

	Readiness(BundleContext context, long timeoutMillis) {
		this.context = context;
		this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
	}

	/** @return true when the mapi commands are there */
	boolean commands() throws InterruptedException {
		return await(COMMANDS);
	}

	/** @return the PIDs among {@code pids} whose profile did not appear */
	List<String> missingProfiles(Set<String> pids) throws InterruptedException {
		List<String> missing = new ArrayList<>();
		for (String pid : pids) {
			if (!await("(&(service.factoryPid=" + PROFILE_FACTORY_PID + ")(service.pid=" + pid + "))")) {
				missing.add(pid);
			}
		}
		return missing;
	}

	private boolean await(String filter) throws InterruptedException {
		ServiceTracker<Object, Object> tracker;
		try {
			tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException("bad filter " + filter, e);
		}
		tracker.open(true);
		try {
			if (!tracker.isEmpty()) {
				return true;
			}
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			return left > 0 && tracker.waitForService(left) != null; // waitForService(0) would wait forever
		} finally {
			tracker.close();
		}
	}
}

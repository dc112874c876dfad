package org.mapihost.itests.libraries;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The test's end of the library's probe: a {@code java.util.function.Consumer<String>} service
 * with the property {@code org.mapihost.itests.probe}, which the library calls with one line per
 * event ({@code <version> <object> <event> [<entry>]}, e.g. {@code 1.0.0 ms#7 openEntry-begin store}).
 * It keeps the lines in order, and can hold the provider call that tells a chosen line until the
 * test releases it — a call in flight on demand.
 * <p>
 * Concurrency: the lines are copy-on-write; the hold is armed once, through a volatile predicate,
 * an atomic flag and two latches.
 */
final class ProbeLog implements Consumer<String>, AutoCloseable {
	static final String PROPERTY = "org.mapihost.itests.probe";

	private final List<String> lines = new CopyOnWriteArrayList<>();
	private final CountDownLatch held = new CountDownLatch(1);
	private final CountDownLatch released = new CountDownLatch(1);
	private final AtomicBoolean holding = new AtomicBoolean();
	private final long holdMillis;
	private volatile Predicate<String> holdWhen;
	private volatile String heldLine;
	private ServiceRegistration<?> registration;

	private ProbeLog(long holdMillis) {
		this.holdMillis = holdMillis;
	}

	static ProbeLog register(BundleContext context, long holdMillis) {
		ProbeLog probe = new ProbeLog(holdMillis);
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(PROPERTY, "libraries");
		probe.registration = context.registerService(Consumer.class.getName(), probe, properties);
		return probe;
	}

	@Override
	public void accept(String line) {
		lines.add(line);
		Predicate<String> when = holdWhen;
		if (when != null && when.test(line) && holding.compareAndSet(false, true)) {
			heldLine = line;
			held.countDown();
			try {
				if (!released.await(holdMillis, TimeUnit.MILLISECONDS)) {
					lines.add("probe: the hold of '" + line + "' ran out before the test released it");
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Holds the next provider call that tells a line matching {@code when}, once. */
	void holdNext(Predicate<String> when) {
		holdWhen = when;
	}

	/** Waits until a call is held; returns its line, or null after the timeout. */
	String awaitHeld(long timeoutMillis) throws InterruptedException {
		return held.await(timeoutMillis, TimeUnit.MILLISECONDS) ? heldLine : null;
	}

	void release() {
		released.countDown();
	}

	List<String> lines() {
		return List.copyOf(lines);
	}

	void clear() {
		lines.clear();
	}

	/** The position of the first line after {@code from} that matches, or -1. */
	int indexOf(Predicate<String> matches, int from) {
		List<String> all = lines();
		for (int i = Math.max(0, from); i < all.size(); i++) {
			if (matches.test(all.get(i))) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public void close() {
		release();
		try {
			registration.unregister();
		} catch (IllegalStateException e) {
			// already gone with the framework
		}
	}
}

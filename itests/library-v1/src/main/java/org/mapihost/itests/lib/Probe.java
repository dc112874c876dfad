package org.mapihost.itests.lib;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * How the library tells a test what happens to it, and how a test holds a call in flight: every
 * service registered as {@code java.util.function.Consumer} with the property {@link #PROPERTY}
 * gets each event as one line, {@code <version> <object> <event> [<entry>]}, for example
 * {@code 1.0.0 msp#3 shutdown} or {@code 2.0.0 ms#4 openEntry-begin store}. A consumer may block
 * in {@code accept} to hold the provider call that told it. The interface comes from the JDK, so
 * the library and the test share no package: nothing wires a test bundle to the library, and
 * unloading the library refreshes the library alone.
 */
final class Probe {
	/** The service property that marks a test's consumer of events. */
	static final String PROPERTY = "org.mapihost.itests.probe";
	/** The version of the bundle these classes were loaded from. */
	static final String VERSION = FrameworkUtil.getBundle(Probe.class).getVersion().toString();

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private Probe() {
	}

	/** A new object id, such as {@code msp#3}. */
	static String newId(String prefix) {
		return prefix + "#" + SERIAL.incrementAndGet();
	}

	/** Tells every consumer; returns when they have all returned. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void tell(String object, String event, String... more) {
		StringBuilder line = new StringBuilder(VERSION).append(' ').append(object).append(' ').append(event);
		for (String word : more) {
			line.append(' ').append(word);
		}
		Bundle bundle = FrameworkUtil.getBundle(Probe.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return;
		}
		Collection<ServiceReference<Consumer>> references;
		try {
			references = context.getServiceReferences(Consumer.class, "(" + PROPERTY + "=*)");
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		} catch (IllegalStateException e) {
			return; // the bundle is no longer active: nobody to tell
		}
		for (ServiceReference<Consumer> reference : references) {
			Consumer consumer = context.getService(reference);
			if (consumer != null) {
				try {
					consumer.accept(line.toString());
				} finally {
					context.ungetService(reference);
				}
			}
		}
	}
}

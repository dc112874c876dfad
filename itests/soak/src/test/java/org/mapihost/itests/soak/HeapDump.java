package org.mapihost.itests.soak;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A heap dump for finding what keeps a leaked object reachable, through the HotSpot diagnostic
 * MBean by name (its interface lives in {@code com.sun.management}, which the framework does not
 * export to bundles).
 */
final class HeapDump {
	private HeapDump() {
	}

	/** Writes the live objects to {@code file} (replacing it); returns a sentence saying where, or why not. */
	static String write(Path file) {
		try {
			Files.deleteIfExists(file);
			ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
					new Object[] { file.toString(), Boolean.TRUE }, new String[] { String.class.getName(), boolean.class.getName() });
			return "heap dump written to " + file;
		} catch (JMException | java.io.IOException | RuntimeException e) {
			return "no heap dump: " + e;
		}
	}
}

package org.mapihost.runtime.library;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.Bundle;

/**
 * One jar of the providers folder and what the runtime did with it. Loads, frees and updates of
 * this jar are serialized on {@code loading}; {@code bundle} and {@code unloading} are also read
 * without it, so that a logon can be refused at once while the jar is being unloaded.
 */
final class LibraryJar {
	final Path file;
	final ReentrantLock loading = new ReentrantLock();
	ManifestReader.Declared declared;
	String failure;
	final Map<String, String> providerFailures = new HashMap<>();
	volatile Bundle bundle;
	WeakReference<ClassLoader> loader;
	String loadedFor;
	int loadCount;
	volatile boolean unloading;

	LibraryJar(Path file) {
		this.file = file;
	}

	String object() {
		return declared == null ? file.getFileName().toString() : declared.symbolicName() + "_" + declared.version();
	}

	boolean declares(String name) {
		return declared != null && declared.providers().stream().anyMatch(p -> p.name().equals(name));
	}
}

package org.mapihost.runtime.library;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * One jar of the providers folder and what the runtime did with it. Guarded by the
 * {@link LibraryManager}'s lock, except {@code loading}, which serializes loads of this jar.
 */
final class LibraryJar {
	final Path file;
	final Object loading = new Object();
	ManifestReader.Declared declared;
	String failure;
	final Map<String, String> providerFailures = new HashMap<>();
	Bundle bundle;
	WeakReference<ClassLoader> loader;
	String loadedFor;
	int loadCount;
	boolean unloading;

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

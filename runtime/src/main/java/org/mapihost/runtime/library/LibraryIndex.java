package org.mapihost.runtime.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers folder's index (mapihost's {@code MAPISVC.INF}): jar → what it declares, by
 * reading manifests only. A jar that cannot be read, declares nothing, or declares a provider
 * name another indexed jar already declares is kept as failed, with why. Concurrency:
 * {@code this}.
 */
final class LibraryIndex {
	private final Map<Path, LibraryJar> jars = new LinkedHashMap<>();

	/** Indexes (or re-indexes) a file; returns its entry, failed or not. */
	synchronized LibraryJar index(Path file) {
		LibraryJar jar = jars.computeIfAbsent(file, LibraryJar::new);
		jar.declared = null;
		jar.failure = null;
		jar.providerFailures.clear();
		try {
			ManifestReader.Declared declared = ManifestReader.read(file);
			for (ProviderDeclaration provider : declared.providers()) {
				Optional<LibraryJar> other = declaring(provider.name()).filter(o -> o != jar);
				if (other.isPresent()) {
					throw new IllegalArgumentException(file.getFileName() + " declares provider " + provider.name()
							+ ", which " + other.get().file.getFileName() + " already declares");
				}
			}
			jar.declared = declared;
		} catch (IllegalArgumentException e) {
			jar.failure = e.getMessage();
		}
		return jar;
	}

	synchronized Optional<LibraryJar> remove(Path file) {
		return Optional.ofNullable(jars.remove(file));
	}

	synchronized Optional<LibraryJar> get(Path file) {
		return Optional.ofNullable(jars.get(file));
	}

	/** The healthy jar that declares this provider, if any. */
	synchronized Optional<LibraryJar> declaring(String providerName) {
		return jars.values().stream().filter(j -> j.declares(providerName)).findFirst();
	}

	/** The jar whose bundle this is, if the runtime loaded it. */
	synchronized Optional<LibraryJar> loadedAs(long bundleId) {
		return jars.values().stream().filter(j -> j.bundle != null && j.bundle.getBundleId() == bundleId).findFirst();
	}

	synchronized List<LibraryJar> all() {
		return new ArrayList<>(jars.values());
	}
}

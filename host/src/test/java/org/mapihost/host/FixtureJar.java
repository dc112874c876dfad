package org.mapihost.host;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mapihost.api.provider.MapiProvider;
import org.mapihost.host.fixture.FixtureStoreProvider;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Packs the test package {@code org.mapihost.host.fixture} into a provider bundle with bnd, the
 * way bnd-maven-plugin packs a real provider: the DS component, the {@code org.mapihost.provider}
 * capability from {@link MapiProvider}, imports of the api. Built at test time from the test
 * classes, so the host needs no provider module of its own and embeds nothing of it.
 */
final class FixtureJar {
	static final String SYMBOLIC_NAME = "org.mapihost.host.fixture";
	static final String VERSION = "1.0.0";

	private FixtureJar() {
	}

	/** @return {@code file}, now the provider bundle, version {@value #VERSION} */
	static Path build(Path file) throws Exception {
		return build(file, VERSION);
	}

	/** @return {@code file}, now the provider bundle in the given version */
	static Path build(Path file, String version) throws Exception {
		try (Builder builder = new Builder()) {
			builder.setProperty("Bundle-SymbolicName", SYMBOLIC_NAME);
			builder.setProperty("Bundle-Version", version);
			builder.setProperty("-includepackage", FixtureStoreProvider.class.getPackageName());
			builder.setProperty("-noextraheaders", "true");
			builder.setProperty("-reproducible", "true");
			builder.addClasspath(codeSource(FixtureStoreProvider.class).toFile());
			builder.addClasspath(codeSource(MapiProvider.class).toFile());
			try (Jar jar = builder.build()) {
				if (!builder.isOk()) {
					throw new IllegalStateException("bnd could not build the fixture provider: " + builder.getErrors());
				}
				Files.createDirectories(file.getParent());
				jar.write(file.toFile());
			}
		}
		return file;
	}

	private static Path codeSource(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}
}

package org.mapihost.runtime.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.ProviderKind;

/** The providers folder's index: what each kind of file, good or bad, becomes. */
class LibraryIndexTest {
	private static final String STORE = "org.mapihost.provider;name=\"org.example.store\";type=STORE;display=\"Example\"";

	@TempDir
	Path folder;

	private final LibraryIndex index = new LibraryIndex();

	@Test
	void aProviderJarIsIndexedFromItsManifest() throws IOException {
		LibraryJar jar = index.index(jar("store.jar", "org.example.store", "1.2.3", STORE + ",osgi.service;objectClass:List<String>=\"x.Y\""));
		assertNull(jar.failure);
		assertEquals("org.example.store_1.2.3", jar.object());
		assertEquals(List.of(new ProviderDeclaration("org.example.store", ProviderKind.STORE, "Example")), jar.declared.providers());
		assertEquals(jar, index.declaring("org.example.store").orElseThrow());
	}

	@Test
	void aFileThatIsNotAJarFails() throws IOException {
		assertFailure(index.index(Files.writeString(folder.resolve("notes.txt"), "hello")), "is not a jar");
	}

	@Test
	void aTruncatedJarFails() throws IOException {
		Path good = jar("good.jar", "org.example.store", "1.0.0", STORE);
		byte[] bytes = Files.readAllBytes(good);
		Path truncated = Files.write(folder.resolve("truncated.jar"), Arrays.copyOf(bytes, bytes.length / 2));
		assertFailure(index.index(truncated), "is not a jar (or a corrupt one)");
	}

	@Test
	void aJarWithoutTheCapabilityFails() throws IOException {
		assertFailure(index.index(jar("plain.jar", "org.example.plain", "1.0.0", null)), "declares no provider");
	}

	@Test
	void aJarThatIsNoBundleFails() throws IOException {
		assertFailure(index.index(jar("nobundle.jar", null, null, STORE)), "not an OSGi bundle");
	}

	@Test
	void anUnknownProviderTypeFails() throws IOException {
		assertFailure(index.index(jar("odd.jar", "org.example.odd", "1.0.0", "org.mapihost.provider;name=odd;type=SPOOLER")),
				"expected STORE, ADDRESS_BOOK or TRANSPORT");
	}

	@Test
	void aSecondJarClaimingTheSameProviderFailsAndTheFirstStays() throws IOException {
		LibraryJar first = index.index(jar("a.jar", "org.example.a", "1.0.0", STORE));
		LibraryJar second = index.index(jar("b.jar", "org.example.b", "1.0.0", STORE));
		assertNull(first.failure);
		assertFailure(second, "which a.jar already declares");
		assertEquals(first, index.declaring("org.example.store").orElseThrow());
	}

	@Test
	void reindexingTheSameFileIsNoDuplicate() throws IOException {
		Path file = jar("a.jar", "org.example.a", "1.0.0", STORE);
		index.index(file);
		assertNull(index.index(file).failure);
	}

	private static void assertFailure(LibraryJar jar, String expected) {
		assertTrue(jar.failure != null && jar.failure.contains(expected), () -> "failure <" + jar.failure + "> lacks <" + expected + ">");
		assertNull(jar.declared);
	}

	private Path jar(String name, String symbolicName, String version, String capability) throws IOException {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (symbolicName != null) {
			main.putValue("Bundle-ManifestVersion", "2");
			main.putValue("Bundle-SymbolicName", symbolicName);
			main.putValue("Bundle-Version", version);
		}
		if (capability != null) {
			main.putValue("Provide-Capability", capability);
		}
		Path file = folder.resolve(name);
		try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			jar.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
			jar.write("a provider".getBytes());
			jar.closeEntry();
		}
		return file;
	}
}

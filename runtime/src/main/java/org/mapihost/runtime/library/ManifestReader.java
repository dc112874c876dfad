package org.mapihost.runtime.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.MapiProvider;

/** Reads what a provider jar declares, from its manifest only; nothing is installed. */
final class ManifestReader {
	/** What a jar declares. */
	record Declared(String symbolicName, String version, List<ProviderDeclaration> providers) {
	}

	private ManifestReader() {
	}

	/**
	 * @throws IllegalArgumentException with a sentence naming what is wrong with the file
	 */
	static Declared read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file.getFileName() + " is not a regular file");
		}
		Manifest manifest;
		try (JarFile jar = new JarFile(file.toFile())) {
			manifest = jar.getManifest();
		} catch (ZipException e) {
			throw new IllegalArgumentException(file.getFileName() + " is not a jar (or a corrupt one): " + e.getMessage());
		} catch (IOException | SecurityException e) {
			throw new IllegalArgumentException(file.getFileName() + " cannot be read: " + e);
		}
		if (manifest == null) {
			throw new IllegalArgumentException(file.getFileName() + " has no manifest");
		}
		Attributes main = manifest.getMainAttributes();
		String symbolicName = main.getValue("Bundle-SymbolicName");
		if (symbolicName == null || symbolicName.isBlank()) {
			throw new IllegalArgumentException(file.getFileName() + " is not an OSGi bundle (no Bundle-SymbolicName)");
		}
		symbolicName = symbolicName.split(";")[0].trim();
		String version = main.getValue("Bundle-Version") == null ? "0.0.0" : main.getValue("Bundle-Version").trim();
		List<ProviderDeclaration> providers = new ArrayList<>();
		List<CapabilityHeader.Clause> clauses;
		try {
			clauses = CapabilityHeader.parse(main.getValue("Provide-Capability"));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage());
		}
		for (CapabilityHeader.Clause clause : clauses) {
			if (clause.namespace().equals(MapiProvider.NAMESPACE)) {
				providers.add(declaration(file, clause));
			}
		}
		if (providers.isEmpty()) {
			throw new IllegalArgumentException(file.getFileName() + " declares no provider (no " + MapiProvider.NAMESPACE
					+ " capability; put @MapiProvider on the provider component)");
		}
		return new Declared(symbolicName, version, providers);
	}

	private static ProviderDeclaration declaration(Path file, CapabilityHeader.Clause clause) {
		String name = clause.attributes().get("name");
		String type = clause.attributes().get("type");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException(file.getFileName() + ": a provider capability has no name");
		}
		ProviderKind kind;
		try {
			kind = ProviderKind.valueOf(type == null ? "" : type.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(file.getFileName() + ": provider " + name + " has type '" + type
					+ "'; expected STORE, ADDRESS_BOOK or TRANSPORT");
		}
		String display = clause.attributes().getOrDefault("display", name);
		return new ProviderDeclaration(name.trim(), kind, display);
	}
}

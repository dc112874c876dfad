package org.mapihost.bench.noop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ServiceProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Makes the bundle of the no-op provider in memory: a manifest and a DS component description,
 * no classes — {@link NoopStoreProvider} comes from this package, which the framework's system
 * bundle exports. So the provider is a real prototype-scope DS component, as providers are
 * written, and stopping the bundle unregisters it as for any provider.
 */
public final class NoopProviderBundle {
	public static final String SYMBOLIC_NAME = "org.mapihost.bench.noop.provider";

	private static final String COMPONENT = """
			<?xml version="1.0" encoding="UTF-8"?>
			<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="%s">
			  <implementation class="%s"/>
			  <service scope="prototype"><provide interface="%s"/></service>
			  <property name="%s" type="String" value="%s"/>
			  <property name="%s" type="String" value="No-op message store"/>
			</scr:component>
			""".formatted(NoopStoreProvider.NAME, NoopStoreProvider.class.getName(), MessageStoreProvider.class.getName(),
			ServiceProvider.PROVIDER_NAME, NoopStoreProvider.NAME, ServiceProvider.PROVIDER_DISPLAY);

	private NoopProviderBundle() {
	}

	/** Installs (not starts) the provider bundle. */
	public static Bundle install(BundleContext context) throws BundleException {
		return context.installBundle("bench:" + SYMBOLIC_NAME, new ByteArrayInputStream(jar()));
	}

	private static byte[] jar() {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Bundle-ManifestVersion", "2");
		main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
		main.putValue("Bundle-Version", "1.0.0");
		main.putValue("Import-Package", String.join(",", "org.mapihost.api;version=\"[1.0,2)\"",
				"org.mapihost.api.kit;version=\"[1.0,2)\"", "org.mapihost.api.provider;version=\"[1.0,2)\"",
				NoopStoreProvider.class.getPackageName() + ";version=\"[1.0,2)\""));
		main.putValue("Service-Component", "OSGI-INF/noop.xml");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
			jar.putNextEntry(new JarEntry("OSGI-INF/noop.xml"));
			jar.write(COMPONENT.getBytes(StandardCharsets.UTF_8));
			jar.closeEntry();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}

package org.mapihost.itests.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.mapihost.api.Mapi;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * Tiny client bundles made in memory. The runtime registers {@link Mapi} with bundle scope, so
 * each of them gets a {@code Mapi} object of its own with its own initialize count.
 * {@link #close()} uninitializes each client to zero and uninstalls it.
 */
public final class ClientBundles implements AutoCloseable {
	private static final AtomicInteger SERIAL = new AtomicInteger();

	private final BundleContext context;
	private final List<Client> clients = new ArrayList<>();

	private record Client(Bundle bundle, ServiceReference<Mapi> reference, Mapi mapi) {
	}

	public ClientBundles(BundleContext context) {
		this.context = context;
	}

	/**
	 * Installs and starts a client bundle and gets the {@code Mapi} service through its
	 * context.
	 *
	 * @param name a short name, part of the bundle's symbolic name
	 * @return the client's own Mapi object
	 */
	public Mapi install(String name) throws IOException, BundleException {
		String symbolicName = "org.mapihost.itests.client." + name + SERIAL.incrementAndGet();
		Bundle bundle = context.installBundle("itests:" + symbolicName, new ByteArrayInputStream(jar(symbolicName)));
		bundle.start();
		BundleContext clientContext = bundle.getBundleContext();
		ServiceReference<Mapi> reference = clientContext.getServiceReference(Mapi.class);
		if (reference == null) {
			bundle.uninstall();
			throw new IllegalStateException("no Mapi service for client " + symbolicName);
		}
		Mapi mapi = clientContext.getService(reference);
		clients.add(new Client(bundle, reference, mapi));
		return mapi;
	}

	private static byte[] jar(String symbolicName) throws IOException {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Bundle-ManifestVersion", "2");
		main.putValue("Bundle-SymbolicName", symbolicName);
		main.putValue("Bundle-Version", "1.0.0");
		main.putValue("Import-Package", "org.mapihost.api;version=\"[1.0,2)\"");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new JarOutputStream(bytes, manifest).close();
		return bytes.toByteArray();
	}

	/**
	 * Uninstalls a client as a leaking client goes away: without uninitializing it and without
	 * giving its Mapi object back first.
	 */
	public void uninstallUnbalanced(Mapi mapi) throws BundleException {
		for (Client client : List.copyOf(clients)) {
			if (client.mapi() == mapi) {
				client.bundle().uninstall();
				clients.remove(client);
				return;
			}
		}
		throw new IllegalArgumentException("not one of these clients: " + mapi);
	}

	@Override
	public void close() throws BundleException {
		for (Client client : clients) {
			if (client.bundle().getState() == Bundle.UNINSTALLED) {
				continue;
			}
			while (client.mapi().initializeCount() > 0) {
				client.mapi().uninitialize();
			}
			client.bundle().getBundleContext().ungetService(client.reference());
			client.bundle().uninstall();
		}
		clients.clear();
	}
}

package org.mapihost.bench.cycle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mapihost.api.Mapi;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.bench.felix.Configs;
import org.mapihost.bench.felix.EmbeddedFelix;
import org.mapihost.bench.harness.Files2;
import org.mapihost.bench.noop.NoopProviderBundle;
import org.mapihost.bench.noop.NoopStoreProvider;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * The framework of one JMH fork: the runtime, the no-op provider and the profile {@code bench}
 * (one store entry of it). The fork learns where the bundles are from system properties the
 * harness sets.
 */
final class CycleFramework implements AutoCloseable {
	static final String BUNDLES_PROPERTY = "bench.bundles";
	static final String WORK_PROPERTY = "bench.work";
	static final String PROFILE = "bench";
	static final String STORE = "store";

	final EmbeddedFelix felix;
	final Path work;

	private CycleFramework(EmbeddedFelix felix, Path work) {
		this.felix = felix;
		this.work = work;
	}

	static CycleFramework start() throws Exception {
		Path bundles = Path.of(required(BUNDLES_PROPERTY));
		Path work = Path.of(required(WORK_PROPERTY)).resolve("fork-" + ProcessHandle.current().pid());
		List<String> jars = new ArrayList<>(EmbeddedFelix.BASE);
		jars.add(EmbeddedFelix.RUNTIME);
		EmbeddedFelix felix = EmbeddedFelix.start(work, bundles, jars, Map.of());
		NoopProviderBundle.install(felix.context()).start();
		new Configs(felix).profile(PROFILE, Map.of("entries", STORE, STORE + ".provider", NoopStoreProvider.NAME));
		return new CycleFramework(felix, work);
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException("system property " + property + " is not set (the harness sets it for each fork)");
		}
		return value;
	}

	Mapi mapi() {
		return felix.service(Mapi.class);
	}

	ProtocolTrace trace() {
		return felix.service(ProtocolTrace.class);
	}

	ServiceObjects<MessageStoreProvider> provider() {
		ServiceReference<MessageStoreProvider> reference = felix.await(MessageStoreProvider.class.getName(),
				"(" + ServiceProvider.PROVIDER_NAME + "=" + NoopStoreProvider.NAME + ")");
		return felix.context().getServiceObjects(reference);
	}

	@Override
	public void close() throws Exception {
		felix.close();
		Files2.deleteTree(work);
	}
}

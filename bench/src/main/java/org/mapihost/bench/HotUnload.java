package org.mapihost.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.MsgStore;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.bench.felix.Configs;
import org.mapihost.bench.felix.EmbeddedFelix;
import org.mapihost.bench.harness.Benchmark;
import org.mapihost.bench.harness.Result;
import org.mapihost.bench.harness.Settings;
import org.mapihost.bench.harness.Stats;
import org.mapihost.bench.harness.Target;
import org.mapihost.bench.noop.NoopProviderBundle;
import org.mapihost.bench.noop.NoopStoreProvider;
import org.mapihost.bench.noop.NoopSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * hot-unload: N sessions each with an open store of the no-op provider; the time from the
 * provider bundle's {@code stop()} to every store invalid and the provider gone from the runtime
 * and the registry. Baseline: the same bundle stopped while N provider objects, each with a
 * logon, are held directly (what the framework and SCR must undo anyway).
 */
final class HotUnload implements Benchmark {
	static final double MAX_SLOPE = 1.1;
	static final double MAX_MICROS_PER_LOGON = 10;
	static final String PROFILE = "unload";
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value() | LogonFlag.MAPI_NO_MAIL.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	private static final String PROVIDER_FILTER = "(" + ServiceProvider.PROVIDER_NAME + "=" + NoopStoreProvider.NAME + ")";

	@Override
	public String name() {
		return "hot-unload";
	}

	@Override
	public Result run(Settings settings) throws Exception {
		int[] sizes = settings.quick() ? new int[] { 1, 10, 100, 1_000 } : new int[] { 1, 100, 1_000, 10_000 };
		int repeats = settings.quick() ? 1 : 5;
		List<String> jars = new ArrayList<>(EmbeddedFelix.BASE);
		jars.add(EmbeddedFelix.RUNTIME);
		try (EmbeddedFelix felix = EmbeddedFelix.start(settings.work(name()), settings.bundles(), jars, Map.of())) {
			new Configs(felix).profile(PROFILE, Map.of("entries", "store", "store.provider", NoopStoreProvider.NAME));
			Mapi mapi = felix.service(Mapi.class);
			ProviderLibraries libraries = felix.service(ProviderLibraries.class);
			mapi.initialize(0);
			Configs.awaitProfile(mapi, PROFILE);
			Rounds rounds = new Rounds(felix, mapi, libraries);
			for (int warmUp = 0; warmUp < 3; warmUp++) {
				rounds.runtime(sizes[2]);
				rounds.baseline(sizes[2]);
			}
			double[] n = new double[sizes.length];
			double[] runtime = new double[sizes.length];
			double[] baseline = new double[sizes.length];
			Result result = new Result(name());
			for (int i = 0; i < sizes.length; i++) {
				double[] r = new double[repeats];
				double[] b = new double[repeats];
				for (int k = 0; k < repeats; k++) {
					r[k] = rounds.runtime(sizes[i]);
					b[k] = rounds.baseline(sizes[i]);
				}
				n[i] = sizes[i];
				runtime[i] = Result.measured("hot unload with N=" + sizes[i], Stats.median(r));
				baseline[i] = Result.measured("baseline with N=" + sizes[i], Stats.median(b));
				result.raw("N=" + sizes[i] + ": runtime µs (median)", runtime[i] / 1_000)
						.raw("N=" + sizes[i] + ": runtime µs per logon", runtime[i] / 1_000 / sizes[i])
						.raw("N=" + sizes[i] + ": baseline µs (median)", baseline[i] / 1_000)
						.raw("N=" + sizes[i] + ": ratio", runtime[i] / baseline[i])
						.raw("N=" + sizes[i] + ": runtime µs, every repeat", micros(r))
						.raw("N=" + sizes[i] + ": baseline µs, every repeat", micros(b));
			}
			mapi.uninitialize();
			int last = sizes.length - 1;
			double slope = Stats.logLogSlope(n, runtime);
			double baselineSlope = Stats.logLogSlope(n, baseline);
			double perLogon = runtime[last] / 1_000 / sizes[last];
			double basePerLogon = baseline[last] / 1_000 / sizes[last];
			result.raw("slope of log(time) against log(N)", slope).raw("baseline slope", baselineSlope);
			return result.runtime(Result.format(perLogon) + " µs/logon at N=" + sizes[last] + ", slope " + Result.format(slope)
					+ ", ratio " + Result.format(runtime[last] / baseline[last]) + " at N=" + sizes[last])
					.baseline(Result.format(basePerLogon) + " µs/logon, slope " + Result.format(baselineSlope))
					.target(Target.atMost("slope", slope, MAX_SLOPE))
					.target(Target.atMost("µs/logon at N=" + sizes[last], perLogon, MAX_MICROS_PER_LOGON))
					.note("Median of " + repeats + " rounds per N, after 3 warm-up rounds. Sessions MAPI_NO_MAIL, the trace recording to"
							+ " memory. The time runs from Bundle.stop() until every store handle is invalid, the runtime no longer"
							+ " lists the provider and its service is unregistered (the hot unload runs inside the unregistration).")
					.note("Baseline: the same in-memory DS provider bundle stopped while N prototype provider objects, each with a"
							+ " logon, are held directly by the harness.");
		}
	}

	private static double[] micros(double[] nanos) {
		double[] micros = new double[nanos.length];
		for (int i = 0; i < nanos.length; i++) {
			micros[i] = Math.round(nanos[i] / 100) / 10.0;
		}
		return micros;
	}

	/** One round each: install the provider, open N stores (or hold N provider objects), stop the bundle, clean up. */
	private record Rounds(EmbeddedFelix felix, Mapi mapi, ProviderLibraries libraries) {
		long runtime(int n) throws Exception {
			Bundle bundle = startProvider();
			List<MapiSession> sessions = new ArrayList<>(n);
			List<MsgStore> stores = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				MapiSession session = mapi.logon(PROFILE, LOGON_FLAGS);
				sessions.add(session);
				stores.add(session.openMsgStore("store", STORE_FLAGS));
			}
			settle();
			long start = System.nanoTime();
			bundle.stop();
			EmbeddedFelix.awaitTrue("every store shut down and the provider gone",
					() -> stores.stream().noneMatch(MsgStore::isValid) && libraries.library(NoopStoreProvider.NAME).isEmpty()
							&& providerReferences() == 0);
			long elapsed = System.nanoTime() - start;
			for (MapiSession session : sessions) {
				session.logoff(0);
				session.release();
			}
			remove(bundle);
			return elapsed;
		}

		long baseline(int n) throws Exception {
			Bundle bundle = startProvider();
			BundleContext context = felix.context();
			ServiceReference<MessageStoreProvider> reference = felix.await(MessageStoreProvider.class.getName(), PROVIDER_FILTER);
			ServiceObjects<MessageStoreProvider> objects = context.getServiceObjects(reference);
			NoopSupport support = new NoopSupport();
			List<StoreLogon> logons = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				logons.add(objects.getService().logon(support, PROFILE, STORE_FLAGS));
			}
			settle();
			long start = System.nanoTime();
			bundle.stop();
			EmbeddedFelix.awaitTrue("the provider gone", () -> providerReferences() == 0);
			long elapsed = System.nanoTime() - start;
			if (logons.size() != n) {
				throw new IllegalStateException("held " + logons.size() + " logons, not " + n);
			}
			remove(bundle);
			return elapsed;
		}

		private Bundle startProvider() throws Exception {
			Bundle bundle = NoopProviderBundle.install(felix.context());
			bundle.start();
			felix.await(MessageStoreProvider.class.getName(), PROVIDER_FILTER);
			return bundle;
		}

		private int providerReferences() {
			try {
				ServiceReference<?>[] references = felix.context().getServiceReferences(MessageStoreProvider.class.getName(), PROVIDER_FILTER);
				return references == null ? 0 : references.length;
			} catch (InvalidSyntaxException e) {
				throw new IllegalStateException(e);
			}
		}

		private void remove(Bundle bundle) throws Exception {
			bundle.uninstall();
			felix.refresh(List.of(bundle));
		}

		/** A collection now rather than in the timed part. */
		private static void settle() throws InterruptedException {
			System.gc();
			Thread.sleep(50);
		}
	}
}

package org.mapihost.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.bench.felix.Configs;
import org.mapihost.bench.felix.EmbeddedFelix;
import org.mapihost.bench.harness.Benchmark;
import org.mapihost.bench.harness.Files2;
import org.mapihost.bench.harness.Result;
import org.mapihost.bench.harness.Settings;
import org.mapihost.bench.harness.Target;
import org.osgi.framework.Bundle;

/**
 * library-churn: cycles of MAPIInitialize → logon and open the store (LoadLibrary of memstore.jar
 * from the providers folder) → release, logoff → the last MAPIUninitialize (FreeLibrary: stop,
 * uninstall, refresh). Baseline: install → start → stop → uninstall → refresh of the same jar in
 * a framework without the runtime. Heap after a full GC, loaded classes and removal-pending
 * bundles at the start and end of the runtime's cycles.
 */
final class LibraryChurn implements Benchmark {
	static final double MAX_RATIO = 1.5;
	static final double MAX_HEAP_GROWTH_MB = 2;
	static final double MAX_CLASS_DRIFT = 0.01;
	static final String PROVIDER = "org.mapihost.sample.memstore";
	static final String JAR = "memstore.jar";
	static final String PROFILE = "churn";
	static final int TRACE_CAPACITY = 1_000;
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();

	@Override
	public String name() {
		return "library-churn";
	}

	@Override
	public Result run(Settings settings) throws Exception {
		int cycles = settings.quick() ? 30 : 1_000;
		int warmUp = settings.quick() ? 5 : 50;
		Result result = new Result(name());
		double baselineSeconds = baseline(settings, cycles, warmUp, result);
		Path work = settings.work(name()).resolve("runtime");
		double runtimeSeconds;
		try (EmbeddedFelix felix = EmbeddedFelix.start(work, settings.bundles(), EmbeddedFelix.BASE, Map.of())) {
			// the providers folder the runtime indexes when it starts (EmbeddedFelix points mapihost.providers there)
			Files.createDirectories(work.resolve("providers"));
			Files.copy(settings.bundles().resolve(JAR), work.resolve("providers").resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
			Configs configs = new Configs(felix);
			// The check that the freed class loader is collected asks for up to gcAttempts full collections per
			// FreeLibrary: a test aid (verifyUnload), off here; the harness checks heap and classes itself.
			configs.update("org.mapihost.libraries", Map.of("verifyUnload", Boolean.FALSE));
			// The in-memory trace is a ring (100,000 steps by default) that fills as cycles run: a small one is full
			// after the warm-up, so the heap measured at the end holds no more trace than at the start.
			configs.update("org.mapihost.trace", Map.of("capacity", TRACE_CAPACITY));
			felix.install(EmbeddedFelix.RUNTIME).start();
			configs.profile(PROFILE, Map.of("entries", "store", "store.provider", PROVIDER));
			Mapi mapi = felix.service(Mapi.class);
			ProviderLibraries libraries = felix.service(ProviderLibraries.class);
			mapi.initialize(0);
			Configs.awaitProfile(mapi, PROFILE);
			mapi.uninitialize();
			int loadsBefore = library(libraries).loadCount();
			for (int i = 0; i < warmUp; i++) {
				cycle(mapi);
			}
			long heapStart = heapAfterFullGc();
			int classesStart = loadedClasses();
			long start = System.nanoTime();
			for (int i = 0; i < cycles; i++) {
				cycle(mapi);
			}
			runtimeSeconds = (System.nanoTime() - start) / 1e9;
			long heapEnd = heapAfterFullGc();
			int classesEnd = loadedClasses();
			int removalPending = felix.wiring().getRemovalPendingBundles().size();
			LibraryInfo after = library(libraries);
			if (after.loadCount() - loadsBefore != cycles + warmUp || after.bundleId() != -1) {
				throw new IllegalStateException("expected " + (cycles + warmUp) + " loads and the library freed, got " + after);
			}
			double heapGrowthMb = (heapEnd - heapStart) / (1024.0 * 1024.0);
			double classDrift = Math.abs(classesEnd - classesStart) / (double) classesStart;
			double rate = Result.measured("runtime cycles/s", cycles / runtimeSeconds);
			double baseRate = cycles / baselineSeconds;
			double ratio = baseRate / rate;
			result.raw("cycles", cycles).raw("warm-up cycles", warmUp).raw("runtime cycles/s", rate).raw("baseline cycles/s", baseRate)
					.raw("ratio (runtime time per cycle / baseline)", ratio)
					.raw("heap after full GC at start (bytes)", heapStart).raw("heap after full GC at end (bytes)", heapEnd)
					.raw("heap growth (MB)", heapGrowthMb).raw("loaded classes at start", classesStart)
					.raw("loaded classes at end", classesEnd).raw("removal-pending bundles at end", removalPending);
			return result.runtime(Result.format(rate) + " cycles/s; heap " + Result.format(heapGrowthMb) + " MB, classes "
					+ classesStart + " → " + classesEnd + ", removal-pending " + removalPending)
					.baseline(Result.format(baseRate) + " cycles/s")
					.target(Target.atMost("ratio", ratio, MAX_RATIO))
					.target(Target.atMost("heap growth MB", heapGrowthMb, MAX_HEAP_GROWTH_MB))
					.target(Target.atMost("class count drift", classDrift, MAX_CLASS_DRIFT))
					.target(Target.atMost("removal-pending", removalPending, 0))
					.note("Runtime cycle: MAPIInitialize, MAPILogonEx, OpenMsgStore (LoadLibrary: install and start memstore.jar from the"
							+ " providers folder, wait for its provider), Release, Logoff, Release, MAPIUninitialize (the last: FreeLibrary"
							+ " = stop, uninstall, refresh of that bundle alone, removal-pending check). verifyUnload off (the full GCs"
							+ " that check the old class loader are a test aid).")
					.note("Baseline: install (same file, by stream), start, stop, uninstall, refresh of memstore.jar in a framework"
							+ " with the same bundles but no runtime. Heap and classes measured after " + warmUp
							+ " warm-up cycles, with System.gc() three times; the in-memory trace (recording) holds its last " + TRACE_CAPACITY
							+ " steps, so it is full before the heap is first measured.");
		}
	}

	private static void cycle(Mapi mapi) {
		mapi.initialize(0);
		MapiSession session = mapi.logon(PROFILE, LOGON_FLAGS);
		session.openMsgStore("store", STORE_FLAGS).release();
		session.logoff(0);
		session.release();
		mapi.uninitialize();
	}

	private static LibraryInfo library(ProviderLibraries libraries) {
		return libraries.library(PROVIDER)
				.orElseThrow(() -> new IllegalStateException("the runtime did not index " + JAR + "; it knows " + libraries.libraries()));
	}

	private double baseline(Settings settings, int cycles, int warmUp, Result result) throws Exception {
		Path work = settings.work(name()).resolve("baseline");
		try (EmbeddedFelix felix = EmbeddedFelix.start(work, settings.bundles(), EmbeddedFelix.BASE, Map.of())) {
			Path jar = settings.bundles().resolve(JAR);
			for (int i = 0; i < warmUp; i++) {
				rawCycle(felix, jar);
			}
			long heapStart = heapAfterFullGc();
			long start = System.nanoTime();
			for (int i = 0; i < cycles; i++) {
				rawCycle(felix, jar);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			// the framework's own retention (SCR, Felix Log, the bundle cache), to set the runtime's heap growth against
			long heapEnd = heapAfterFullGc();
			result.raw("baseline heap growth (MB)", (heapEnd - heapStart) / (1024.0 * 1024.0))
					.raw("baseline removal-pending at end", felix.wiring().getRemovalPendingBundles().size());
			return Result.measured("baseline seconds", seconds);
		}
	}

	private static void rawCycle(EmbeddedFelix felix, Path jar) throws Exception {
		Bundle bundle;
		try (InputStream bytes = Files.newInputStream(jar)) {
			bundle = felix.context().installBundle(jar.toUri().toString(), bytes);
		}
		bundle.start();
		bundle.stop();
		bundle.uninstall();
		felix.refresh(new ArrayList<>(List.of(bundle)));
	}

	private static long heapAfterFullGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static int loadedClasses() {
		return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
	}
}

package org.mapihost.bench.cycle;

import java.util.concurrent.TimeUnit;

import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.bench.felix.Configs;
import org.mapihost.bench.noop.NoopSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.osgi.framework.ServiceObjects;

/**
 * session-cycle: MAPIInitialize once, then logon → open store → StoreLogoff → release → logoff
 * against the no-op provider ({@link #cycle}); the baseline does the provider's part alone —
 * prototype getService, its logon, StoreLogoff, release and logoff, Shutdown, ungetService
 * ({@link #baseline}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionCycleBench {
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	static final int ORDERLY = StoreLogoffFlag.LOGOFF_ORDERLY.value();

	/** The runtime with the trace recording to memory or not, and sessions with or without a spooler. */
	@State(Scope.Benchmark)
	public static class Runtime {
		@Param({ "on", "off" })
		public String trace;
		/** "off": MAPI_NO_MAIL sessions; "on": each session starts its spooler. */
		@Param({ "off", "on" })
		public String spooler;

		CycleFramework framework;
		Mapi mapi;
		int logonFlags;

		@Setup(Level.Trial)
		public void start() throws Exception {
			framework = CycleFramework.start();
			framework.trace().setRecording(trace.equals("on"));
			mapi = framework.mapi();
			mapi.initialize(0);
			Configs.awaitProfile(mapi, CycleFramework.PROFILE);
			logonFlags = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value()
					| (spooler.equals("on") ? 0 : LogonFlag.MAPI_NO_MAIL.value());
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			mapi.uninitialize();
			framework.close();
		}
	}

	/** The provider's service objects, called directly. */
	@State(Scope.Benchmark)
	public static class Baseline {
		CycleFramework framework;
		ServiceObjects<MessageStoreProvider> provider;
		final NoopSupport support = new NoopSupport();

		@Setup(Level.Trial)
		public void start() throws Exception {
			framework = CycleFramework.start();
			provider = framework.provider();
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			framework.close();
		}
	}

	@Benchmark
	public int cycle(Runtime state) {
		MapiSession session = state.mapi.logon(CycleFramework.PROFILE, state.logonFlags);
		MsgStore store = session.openMsgStore(CycleFramework.STORE, STORE_FLAGS);
		int out = store.storeLogoff(ORDERLY);
		store.release();
		session.logoff(0);
		session.release();
		return out;
	}

	@Benchmark
	public int baseline(Baseline state) {
		MessageStoreProvider provider = state.provider.getService();
		StoreLogon logon = provider.logon(state.support, CycleFramework.PROFILE, STORE_FLAGS);
		int out = logon.store().storeLogoff(ORDERLY);
		logon.store().release();
		logon.logoff(0);
		logon.release();
		provider.shutdown(0);
		state.provider.ungetService(provider);
		return out;
	}
}

package org.mapihost.itests.recording.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.StoreLogon;

/**
 * A recording store: the kit's {@link MessageStoreBase}, which keeps the store's shutdown
 * rules, seen through a {@link #store() store} and a {@link #logon() logon} that record each
 * call the runtime makes and note calls that come too late. Concurrency: the flags are atomic;
 * the kit guards its own state.
 */
final class RecordingStore {
	private static final int MAPI_MESSAGE = 5;

	private final RecordingStoreProvider provider;
	private final Journal journal;
	private final String storeId;
	private final String logonId;
	private final String entryName;
	private final Fault fault;
	private final Kit kit;
	private final Store store = new Store();
	private final Logon logon = new Logon();
	private final AtomicBoolean storeReleased = new AtomicBoolean();
	private final AtomicBoolean loggedOff = new AtomicBoolean();
	private final AtomicBoolean logonReleased = new AtomicBoolean();

	RecordingStore(RecordingStoreProvider provider, RecordingSupport support, String logonId, String entryName) {
		this.provider = provider;
		this.journal = provider.journal;
		this.logonId = logonId;
		this.storeId = logonId.replace("msl", "ms");
		this.entryName = entryName;
		this.fault = support.fault();
		this.kit = new Kit(support);
	}

	StoreLogon logon() {
		return logon;
	}

	private void record(String object, String call, String detail) {
		journal.record(provider.name, object, call, detail);
	}

	private void problem(String object, String sentence) {
		journal.problem(provider.name, object, sentence);
	}

	private final class Kit extends MessageStoreBase {
		Kit(RecordingSupport support) {
			super(support);
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			return new RecordedEntry(journal, provider.name, journal.newId(storeId + "/entry"), entryId, MAPI_MESSAGE,
					entryName);
		}

		boolean shutDown() {
			return isShutDown();
		}

		@Override
		protected void closeStore() {
			record(storeId, "closeStore", "");
		}
	}

	private final class Store implements MessageStore {
		@Override
		public int storeLogoff(int flag) {
			record(storeId, "IMsgStore::StoreLogoff", String.join("|", MapiFlags.names(StoreLogoffFlag.class, flag)));
			expectOpen("IMsgStore::StoreLogoff");
			return kit.storeLogoff(flag);
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			record(storeId, "IMsgStore::OpenEntry", entryId.toString());
			expectOpen("IMsgStore::OpenEntry");
			return kit.openEntry(entryId, flags);
		}

		@Override
		public void release() {
			record(storeId, "IMsgStore::Release", "");
			if (!storeReleased.compareAndSet(false, true)) {
				problem(storeId, "IMsgStore::Release twice");
			}
			kit.release();
		}

		private void expectOpen(String call) {
			if (storeReleased.get() || kit.shutDown()) {
				problem(storeId, call + " after the store was shut down");
			}
		}
	}

	private final class Logon implements StoreLogon {
		@Override
		public MessageStore store() {
			return store;
		}

		@Override
		public void logoff(int flags) {
			record(logonId, "IMSLogon::Logoff", Integer.toHexString(flags));
			if (logonReleased.get()) {
				problem(logonId, "IMSLogon::Logoff after IMSLogon::Release");
			}
			if (!loggedOff.compareAndSet(false, true)) {
				problem(logonId, "IMSLogon::Logoff twice");
			}
			kit.logon().logoff(flags);
			if (fault == Fault.THROW_IN_LOGOFF) {
				throw Fault.THROW_IN_LOGOFF.injected();
			}
		}

		@Override
		public void release() {
			record(logonId, "IMSLogon::Release", "");
			if (!logonReleased.compareAndSet(false, true)) {
				problem(logonId, "IMSLogon::Release twice");
			}
			if (!loggedOff.get()) {
				problem(logonId, "IMSLogon::Release without IMSLogon::Logoff");
			}
			if (!kit.shutDown()) {
				problem(logonId, "IMSLogon::Release while its store is still open");
			}
			kit.logon().release();
			provider.logonReleased(logonId);
		}
	}
}

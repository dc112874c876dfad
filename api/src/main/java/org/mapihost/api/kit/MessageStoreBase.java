package org.mapihost.api.kit;

import java.util.Objects;

import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;

/**
 * A store and its logon ({@code IMsgStore} and {@code IMSLogon}, created and freed
 * together), keeping the rules MAPI sets for a store's shutdown:
 * <ul>
 * <li>{@code StoreLogoffTransports} completes exactly once: {@link #storeLogoff(int)} calls
 * it with the client's flag; when that was never done (or traffic turned it down), the
 * shutdown calls it with {@code LOGOFF_ABORT};</li>
 * <li>the shutdown happens once, from the store's {@link #release()} or, when the session
 * logs off with the store still open, from the logon's {@link StoreLogon#logoff(int)};</li>
 * <li>the support object is released last, after {@link #closeStore()}.</li>
 * </ul>
 * Subclasses implement {@link #openEntry} and {@link #closeStore()}. Concurrency: the
 * shutdown state is guarded by {@code this}; provider methods are not called under it.
 *
 * @since 1.0
 */
public abstract class MessageStoreBase implements MessageStore {
	private final ProviderSupport support;
	private final StoreLogon logon = new Logon();
	private boolean transportsLoggedOff;
	private boolean shutDown;

	/**
	 * @param support the logon's support object, as given to
	 *                {@link org.mapihost.api.provider.MessageStoreProvider#logon}
	 */
	protected MessageStoreBase(ProviderSupport support) {
		this.support = Objects.requireNonNull(support, "support");
	}

	/**
	 * @return the logon's support object
	 */
	protected final ProviderSupport support() {
		return support;
	}

	/**
	 * @return the {@code IMSLogon} half, which
	 *         {@link org.mapihost.api.provider.MessageStoreProvider#logon} returns
	 */
	public final StoreLogon logon() {
		return logon;
	}

	/**
	 * {@code IMsgStore::StoreLogoff}: passes the flag to {@code StoreLogoffTransports} and
	 * returns its output bits. It counts as done only when they include
	 * {@code LOGOFF_COMPLETE}.
	 */
	@Override
	public final int storeLogoff(int flag) {
		synchronized (this) {
			if (transportsLoggedOff || shutDown) {
				return StoreLogoffFlag.LOGOFF_COMPLETE.value();
			}
		}
		int out = support.storeLogoffTransports(flag);
		if ((out & StoreLogoffFlag.LOGOFF_COMPLETE.value()) != 0) {
			synchronized (this) {
				transportsLoggedOff = true;
			}
		}
		return out;
	}

	/**
	 * {@code IMsgStore::Release} of the last reference: shuts the store down.
	 */
	@Override
	public final void release() {
		shutdown();
	}


	private void shutdown() {
		boolean callTransports;
		synchronized (this) {
			if (shutDown) {
				return;
			}
			shutDown = true;
			callTransports = !transportsLoggedOff;
			transportsLoggedOff = true;
		}
		try {
			if (callTransports) {
				support.storeLogoffTransports(StoreLogoffFlag.LOGOFF_ABORT.value());
			}
			closeStore();
		} finally {
			support.release();
		}
	}

	/**
	 * @return {@code true} once the store was shut down
	 */
	protected final synchronized boolean isShutDown() {
		return shutDown;
	}

	/**
	 * Frees the store's resources (files, open objects); called once during shutdown, after
	 * {@code StoreLogoffTransports} and before the support object is released.
	 */
	protected abstract void closeStore();

	/**
	 * Called by {@code IMSLogon::Release}, after the store was shut down. Does nothing by
	 * default.
	 */
	protected void logonReleased() {
	}

	private final class Logon implements StoreLogon {
		@Override
		public MessageStore store() {
			return MessageStoreBase.this;
		}

		/** {@code IMSLogon::Logoff}: shuts the store down forcibly if it is still open. */
		@Override
		public void logoff(int flags) {
			shutdown();
		}

		@Override
		public void release() {
			logonReleased();
		}
	}
}

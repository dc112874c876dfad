package org.mapihost.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IMSLogon}: the logon half of the store pair {@link MessageStoreProvider#logon}
 * returns. {@link org.mapihost.api.kit.MessageStoreBase} implements both halves with the
 * shutdown rules already kept.
 *
 * @since 1.0
 */
@ConsumerType
public interface StoreLogon {
	/**
	 * @return the {@code IMsgStore} half of the pair; the same object on every call
	 */
	MessageStore store();

	/**
	 * {@code IMSLogon::Logoff}: called once. After a normal store release the store is
	 * already gone and there is little left to do; during session logoff the store may still
	 * be open and is shut down forcibly here — with {@code StoreLogoffTransports}
	 * ({@code LOGOFF_ABORT} if it was never called) and the support object's release, as in
	 * the store's own release.
	 *
	 * @param flags 0
	 */
	void logoff(int flags);

	/**
	 * {@code IMSLogon::Release}: the last call on this logon.
	 */
	void release();
}

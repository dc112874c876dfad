package org.mapihost.api.provider;

import org.mapihost.api.EntryId;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IMsgStore} as a provider implements it. Clients never see this object: they hold
 * a runtime handle, and the runtime calls {@link #release()} once, when the last client
 * reference goes. Rules the store must keep (the kit's
 * {@link org.mapihost.api.kit.MessageStoreBase} keeps them):
 * {@code StoreLogoffTransports} completes exactly once per store shutdown — from
 * {@link #storeLogoff(int)}, or from {@link #release()} with {@code LOGOFF_ABORT} when it was
 * never called — and the support object is released last.
 *
 * @since 1.0
 */
@ConsumerType
public interface MessageStore {
	/**
	 * {@code IMsgStore::StoreLogoff}; the runtime has checked that {@code flag} is exactly
	 * one input flag.
	 *
	 * @param flag one input flag of {@link org.mapihost.api.StoreLogoffFlag}
	 * @return output bits of {@link org.mapihost.api.StoreLogoffFlag}
	 */
	int storeLogoff(int flag);

	/**
	 * {@code IMsgStore::OpenEntry}.
	 *
	 * @param entryId the entry ID, with one of this store's MAPIUIDs
	 * @param flags   access flags
	 * @return the object
	 * @throws org.mapihost.api.MapiException {@code MAPI_E_INVALID_ENTRYID},
	 *                                        {@code MAPI_E_NOT_FOUND}, …
	 */
	PropObject openEntry(EntryId entryId, int flags);

	/**
	 * {@code IMsgStore::Release} of the last reference: shut the store down.
	 */
	void release();
}

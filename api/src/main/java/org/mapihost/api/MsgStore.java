package org.mapihost.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * {@code IMsgStore} as a client holds it: a runtime handle around the provider's store.
 * The provider's store is released, and the store logon shut down, when the last
 * reference goes.
 *
 * @since 1.0
 */
@ProviderType
public interface MsgStore extends MapiHandle {
	/**
	 * @return the store's name in the profile
	 */
	String name();

	/**
	 * {@code IMsgStore::StoreLogoff}: tells the store how to log off when its last
	 * reference goes; the store passes it on with {@code StoreLogoffTransports}.
	 *
	 * @param flag exactly one input flag of {@link StoreLogoffFlag} ({@code LOGOFF_NO_WAIT},
	 *             {@code LOGOFF_ORDERLY}, {@code LOGOFF_PURGE}, {@code LOGOFF_ABORT},
	 *             {@code LOGOFF_QUIET})
	 * @return output bits of {@link StoreLogoffFlag} ({@code LOGOFF_COMPLETE}, or the
	 *         traffic that kept the store open)
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} for bits that are not
	 *                       input flags; {@link ResultCode#MAPI_E_INVALID_PARAMETER} for
	 *                       none or several flags
	 */
	int storeLogoff(int flag);

	/**
	 * {@code IMsgStore::OpenEntry}: opens an object of this store.
	 *
	 * @param entryId the entry ID, or {@code null} for the store's root object
	 * @param flags   0, or {@code MAPI_MODIFY} (0x1) / {@code MAPI_BEST_ACCESS} (0x10)
	 * @return the object, with one reference for the caller; it keeps the store alive
	 */
	MapiEntry openEntry(EntryId entryId, int flags);
}

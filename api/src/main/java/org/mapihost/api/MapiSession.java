package org.mapihost.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * {@code IMAPISession}: one client's logon to a profile.
 * <p>
 * After {@link #logoff(int)} every method but {@link #release()} fails with
 * {@link ResultCode#MAPI_E_INVALID_OBJECT}, and so do the handles opened through it.
 *
 * @since 1.0
 */
@ProviderType
public interface MapiSession extends MapiHandle {
	/**
	 * @return the name of the profile the session is logged on to
	 */
	String profileName();

	/**
	 * The message stores of the profile, as {@code IMAPISession::GetMsgStoresTable} lists
	 * them: the names of the profile's store entries, the default store first.
	 *
	 * @return the store names
	 */
	List<String> msgStoreNames();

	/**
	 * {@code IMAPISession::OpenMsgStore}. Opening a store that is already open in this
	 * session returns the same handle with one more reference; the provider is not called.
	 *
	 * @param storeName a name from {@link #msgStoreNames()}
	 * @param flags     bits of {@link MdbFlag}
	 * @return the store, with one reference for the caller
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} for an unknown name;
	 *                       {@link ResultCode#MAPI_E_LOGON_FAILED} when the provider is
	 *                       missing or its logon fails; the provider's own code otherwise
	 */
	MsgStore openMsgStore(String storeName, int flags);

	/**
	 * {@code IMAPISession::OpenAddressBook}: logs on every address-book provider of the
	 * profile (once per session) and returns the integrated address book.
	 *
	 * @param flags bits of {@link AbLogonFlag}
	 * @return the address book, with one reference for the caller
	 */
	AddressBook openAddressBook(int flags);

	/**
	 * {@code IMAPISession::OpenEntry}: routes the entry ID to the logon that registered its
	 * MAPIUID first.
	 *
	 * @param entryId the entry ID
	 * @param flags   0, or {@code MAPI_MODIFY} (0x1) / {@code MAPI_BEST_ACCESS} (0x10)
	 * @return the opened object, with one reference for the caller
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_ENTRYID} when no open logon
	 *                       registered the UID; the provider's code otherwise
	 */
	MapiEntry openEntry(EntryId entryId, int flags);

	/**
	 * {@code IMAPISession::GetStatusTable}: a snapshot of the session's status table.
	 *
	 * @return one row per provider logon that set a status row, in the order they were added
	 */
	List<StatusRow> statusTable();

	/**
	 * {@code IMAPISession::Logoff}: logs off every provider logon of the session, in the
	 * order transports, address books, stores; then shuts down each provider object.
	 *
	 * @param flags bits of {@link SessionLogoffFlag}
	 */
	void logoff(int flags);
}

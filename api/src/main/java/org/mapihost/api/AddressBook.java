package org.mapihost.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * {@code IAddrBook}: the session's integrated address book over every address-book
 * provider of the profile.
 *
 * @since 1.0
 */
@ProviderType
public interface AddressBook extends MapiHandle {
	/**
	 * {@code IAddrBook::OpenEntry}: routes the entry ID to the address-book logon that
	 * registered its MAPIUID.
	 *
	 * @param entryId the entry ID, or {@code null} for the root container of the first address book
	 * @param flags   0, or {@code MAPI_BEST_ACCESS} (0x10)
	 * @return the object, with one reference for the caller
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_ENTRYID} when no address book
	 *                       registered the UID
	 */
	MapiEntry openEntry(EntryId entryId, int flags);
}

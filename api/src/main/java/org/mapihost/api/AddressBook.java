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

	/**
	 * {@code IAddrBook::ResolveName}: looks a name up in every address book of the profile, in
	 * profile order; the first that finds something answers. A one-off address
	 * ({@code SMTP:someone@example.org}) resolves to itself.
	 *
	 * @param name a display name, part of one, an address, or a one-off address
	 * @return what was found
	 */
	Resolution resolveName(String name);
}

package org.mapihost.api.provider;

import org.mapihost.api.EntryId;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IABLogon}: one address-book logon.
 *
 * @since 1.0
 */
@ConsumerType
public interface AddressBookLogon {
	/**
	 * {@code IABLogon::OpenEntry}.
	 *
	 * @param entryId the entry ID, with one of this logon's MAPIUIDs
	 * @param flags   access flags
	 * @return the object
	 */
	PropObject openEntry(EntryId entryId, int flags);

	/**
	 * {@code IABLogon::Logoff}: release what the logon holds; release the support object
	 * here or in {@link #release()}, once, last.
	 *
	 * @param flags 0
	 */
	void logoff(int flags);

	/**
	 * {@code IABLogon::Release}: the last call on this logon.
	 */
	void release();
}

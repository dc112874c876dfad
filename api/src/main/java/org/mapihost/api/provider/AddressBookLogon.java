package org.mapihost.api.provider;

import java.util.List;

import org.mapihost.api.EntryId;
import org.mapihost.api.Recipient;
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
	/**
	 * {@code IABLogon}'s part of {@code IAddrBook::ResolveName}: the entries a name matches, best
	 * first. One-off addresses ({@code SMTP:someone@example.org}) may be resolved here too.
	 *
	 * @param name what the user typed
	 * @return the matches; empty for none
	 */
	default List<Recipient> resolveName(String name) {
		return List.of();
	}
}

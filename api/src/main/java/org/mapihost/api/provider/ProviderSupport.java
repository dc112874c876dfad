package org.mapihost.api.provider;

import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusRow;
import org.osgi.annotation.versioning.ProviderType;

/**
 * {@code IMAPISupport}: the support object the runtime makes for one provider logon and
 * hands to the provider's logon method. Methods that do not fit the provider's kind fail
 * with {@link org.mapihost.api.ResultCode#MAPI_E_NO_SUPPORT}, as MAPI's do.
 * <p>
 * The provider keeps it for the life of the logon and calls {@link #release()} exactly
 * once, as the last thing it does for that logon; the runtime then removes the logon's
 * MAPIUIDs and status row. Every call after {@code release} is a protocol violation: it is
 * recorded and fails with {@link org.mapihost.api.ResultCode#MAPI_E_INVALID_OBJECT}.
 *
 * @since 1.0
 */
@ProviderType
public interface ProviderSupport {
	/**
	 * @return the kind of provider this support object serves
	 */
	ProviderKind kind();

	/**
	 * {@code IMAPISupport::OpenProfileSection}: the provider entry's settings. All kinds.
	 *
	 * @return the profile section
	 */
	ProfileSection openProfileSection();

	/**
	 * {@code IMAPISupport::NewUID}: a new random MAPIUID. All kinds.
	 *
	 * @return the UID
	 */
	MapiUid newUid();

	/**
	 * {@code IMAPISupport::SetProviderUID}: registers a MAPIUID of this logon, so that
	 * {@code OpenEntry} of entry IDs that start with it reaches this logon. Calls add; MAPI
	 * removes them all when the logon goes. Stores and address books only.
	 *
	 * @param uid   the UID
	 * @param flags must be 0
	 * @throws org.mapihost.api.MapiException {@code MAPI_E_NO_SUPPORT} for transports;
	 *                                        {@code MAPI_E_UNKNOWN_FLAGS} for flags
	 */
	void setProviderUid(MapiUid uid, int flags);

	/**
	 * {@code IMAPISupport::ModifyStatusRow}: sets this logon's row in the session's status
	 * table. All kinds. Columns MAPI computes ({@code PR_RESOURCE_TYPE}, {@code PR_ROWID}, …)
	 * are set by the runtime; values the provider gives for them are ignored.
	 *
	 * @param row   the provider's columns
	 * @param flags 0 to replace the row, {@code STATUSROW_UPDATE} to merge into it
	 */
	void modifyStatusRow(StatusRow row, int flags);

	/**
	 * {@code IMAPISupport::StoreLogoffTransports}: the store is closing; the runtime logs off,
	 * or stops feeding, the transports that serve it, as the flag says. Stores only; must
	 * complete exactly once per store shutdown. A call that {@code LOGOFF_ABORT} or
	 * {@code LOGOFF_QUIET} turns down because traffic is in progress does not count: the
	 * output bits then say which traffic, without {@code LOGOFF_COMPLETE}.
	 *
	 * @param flag exactly one input flag of {@link org.mapihost.api.StoreLogoffFlag}
	 * @return output bits of {@link org.mapihost.api.StoreLogoffFlag}
	 * @throws org.mapihost.api.MapiException {@code MAPI_E_NO_SUPPORT} for address books and
	 *                                        transports
	 */
	int storeLogoffTransports(int flag);

	/**
	 * {@code IMAPISupport::Release}: the provider is done with this logon's support object.
	 * Call it exactly once, last.
	 */
	void release();
}

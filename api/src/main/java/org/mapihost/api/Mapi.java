package org.mapihost.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The MAPI subsystem as a client sees it: {@code MAPIInitialize}, {@code MAPIUninitialize}
 * and {@code MAPILogonEx}.
 * <p>
 * The runtime registers this service with bundle scope: each client bundle gets its own
 * object, and its initialize calls are counted on their own, so a client can neither
 * uninitialize another's initialize nor pin providers after it goes away. The subsystem
 * stays up while any client's count is above zero; the last {@code uninitialize} of all
 * clients together shuts it down.
 *
 * @since 1.0
 */
@ProviderType
public interface Mapi {
	/**
	 * {@code MAPIInitialize}: adds one to this client's initialize count.
	 *
	 * @param flags bits of {@link InitFlag}
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} for other bits; the count
	 *                       is then unchanged
	 */
	void initialize(int flags);

	/**
	 * {@code MAPIUninitialize}: takes one from this client's initialize count. When the count
	 * of all clients together reaches zero, sessions still open are logged off (a client bug,
	 * reported as such) and the subsystem shuts down.
	 *
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_INITIALIZED} when this client's count
	 *                       is already zero; nothing is changed
	 */
	void uninitialize();

	/**
	 * @return this client's initialize count
	 */
	int initializeCount();

	/**
	 * {@code MAPILogonEx}: logs a new session on to a profile. The profile's transports are
	 * logged on at once; stores and address books when the session opens them.
	 *
	 * @param profileName the profile's name, at most 64 characters
	 * @param flags       bits of {@link LogonFlag}
	 * @return the session
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_INITIALIZED} before
	 *                       {@link #initialize(int)}; {@link ResultCode#MAPI_E_LOGON_FAILED}
	 *                       for an unknown or broken profile;
	 *                       {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} for other bits
	 */
	MapiSession logon(String profileName, int flags);
}

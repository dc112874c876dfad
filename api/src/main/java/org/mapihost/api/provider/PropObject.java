package org.mapihost.api.provider;

import java.util.Map;

import org.mapihost.api.EntryId;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IMAPIProp} as a provider implements it: an object opened by entry ID (a folder, a
 * message, a mail user). The runtime wraps it in a client handle and calls
 * {@link #release()} once, when the client's last reference goes or the logon is shut down.
 *
 * @since 1.0
 */
@ConsumerType
public interface PropObject {
	/**
	 * @return the object's entry ID
	 */
	EntryId entryId();

	/**
	 * @return {@code PR_OBJECT_TYPE}: {@code MAPI_STORE} 1, {@code MAPI_ADDRBOOK} 2,
	 *         {@code MAPI_FOLDER} 3, {@code MAPI_ABCONT} 4, {@code MAPI_MESSAGE} 5,
	 *         {@code MAPI_MAILUSER} 6, {@code MAPI_DISTLIST} 8
	 */
	int objectType();

	/**
	 * {@code IMAPIProp::GetProps}.
	 *
	 * @return the properties keyed by MAPI name
	 */
	Map<String, Object> properties();

	/**
	 * {@code IUnknown::Release}, called once by the runtime.
	 */
	default void release() {
	}
}

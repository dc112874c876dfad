package org.mapihost.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IMSProvider}: a message-store provider object. Register as a prototype-scope
 * service; see {@link ServiceProvider} for the lifecycle.
 *
 * @since 1.0
 */
@ConsumerType
public interface MessageStoreProvider extends ServiceProvider {
	/**
	 * {@code IMSProvider::Logon}: logs on to one store of the profile and returns the
	 * {@code IMSLogon}/{@code IMsgStore} pair. The provider registers its MAPIUID
	 * ({@link ProviderSupport#setProviderUid}) and status row
	 * ({@link ProviderSupport#modifyStatusRow}) on {@code support} before it returns. The
	 * runtime never calls this for a store already open in the session.
	 *
	 * @param support     the logon's support object; release it last, once
	 * @param profileName the profile's name
	 * @param flags       bits of {@link org.mapihost.api.MdbFlag}
	 * @return the logon, whose {@link StoreLogon#store()} is the store
	 * @throws org.mapihost.api.MapiException {@code MAPI_E_LOGON_FAILED},
	 *                                        {@code MAPI_E_UNCONFIGURED}, … ; the provider
	 *                                        must not keep {@code support} then
	 */
	StoreLogon logon(ProviderSupport support, String profileName, int flags);
}

package org.mapihost.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IABProvider}: an address-book provider object. Register as a prototype-scope
 * service; see {@link ServiceProvider} for the lifecycle.
 *
 * @since 1.0
 */
@ConsumerType
public interface AddressBookProvider extends ServiceProvider {
	/**
	 * {@code IABProvider::Logon}. The provider registers its MAPIUID and status row on
	 * {@code support} before it returns.
	 *
	 * @param support     the logon's support object; release it last, once
	 * @param profileName the profile's name
	 * @param flags       bits of {@link org.mapihost.api.AbLogonFlag}
	 * @return the logon
	 */
	AddressBookLogon logon(ProviderSupport support, String profileName, int flags);
}

package org.mapihost.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every provider object has in common ({@code IMSProvider}, {@code IABProvider},
 * {@code IXPProvider}): its service properties and {@code Shutdown}.
 * <p>
 * Register the implementation as a prototype-scope service of its sub-interface, with
 * {@link #PROVIDER_NAME} set (use {@link MapiProvider} on the DS component). The runtime
 * gets one object per session ({@code *ProviderInit}) and reuses it for every logon of that
 * provider in the session. It calls {@link #shutdown(int)} once, after every logon of the
 * object was released, then releases the object ({@code ungetService}); nothing is called
 * after that.
 *
 * @since 1.0
 */
@ConsumerType
public interface ServiceProvider {
	/** Service property (String, required): the provider's name, which profiles refer to. */
	String PROVIDER_NAME = "mapi.provider.name";
	/** Service property (String, optional): the provider's display name. */
	String PROVIDER_DISPLAY = "mapi.provider.display";

	/**
	 * {@code IMSProvider::Shutdown} / {@code IABProvider::Shutdown} /
	 * {@code IXPProvider::Shutdown}: the last call before the provider object is released.
	 *
	 * @param flags bits of {@link org.mapihost.api.DeinitFlag}, usually 0
	 */
	void shutdown(int flags);
}

package org.mapihost.api.provider;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IXPProvider}: a transport provider object. Register as a prototype-scope service;
 * see {@link ServiceProvider} for the lifecycle.
 *
 * @since 1.0
 */
@ConsumerType
public interface TransportProvider extends ServiceProvider {
	/**
	 * {@code IXPProvider::TransportLogon}. Called at session logon with
	 * {@code LOGON_NO_INBOUND|LOGON_NO_OUTBOUND}; the runtime enables traffic later with
	 * {@link TransportLogon#transportNotify(int)}.
	 *
	 * @param support     the logon's support object; release it last, once
	 * @param profileName the profile's name
	 * @param flags       input bits of {@link org.mapihost.api.TransportLogonFlag}
	 * @return the logon
	 */
	TransportLogon transportLogon(ProviderSupport support, String profileName, int flags);
}

package org.mapihost.runtime.provider;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.ServiceProvider;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * A provider entry point as registered in the framework: a prototype-scope service whose
 * {@code getService} is MAPI's {@code *ProviderInit}.
 */
public record ProviderService(String name, ProviderKind kind, String display, String bundleName,
		ServiceReference<?> reference, ServiceObjects<? extends ServiceProvider> serviceObjects, CallGate gate) {

	/** MAPI's name of this kind's entry point: {@code MSProviderInit}, … */
	public String initCall() {
		return kind.prefix() + "ProviderInit";
	}

	/** MAPI's interface name of this kind's provider object: {@code IMSProvider}, … */
	public String providerInterface() {
		return "I" + kind.prefix() + "Provider";
	}
}

package org.mapihost.runtime.session;

import java.util.ArrayList;
import java.util.List;

import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.runtime.leaks.LeakTracker;
import org.mapihost.runtime.provider.ProviderService;

/**
 * One provider object of a session ({@code IMSProvider} …): what one {@code *ProviderInit}
 * ({@code getService}) returned. Guarded by the session's operations lock.
 */
final class ProviderObject {
	final String id;
	final ProviderService service;
	ServiceProvider object;
	int liveLogons;
	LeakTracker.Tracked tracked;
	final List<LeakTracker.Tracked> unreleasedSupports = new ArrayList<>();

	ProviderObject(String id, ProviderService service, ServiceProvider object) {
		this.id = id;
		this.service = service;
		this.object = object;
	}

	String call(String method) {
		return service.providerInterface() + "::" + method;
	}
}

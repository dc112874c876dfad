package org.mapihost.runtime.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.api.provider.TransportProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The whiteboard of provider entry points, by provider name. A second registration of a name
 * already taken is logged and ignored until the first one goes.
 * <p>
 * Concurrency: {@code this} guards {@code byName} and {@code listeners}; listeners are called
 * without it, during the unbind, so the service is still usable while they shut its logons down.
 */
@Component(service = ProviderCatalog.class, immediate = true)
public class ProviderCatalog {
	private final Logger log;
	private final BundleContext context;
	private final Map<String, List<ProviderService>> byName = new LinkedHashMap<>();
	private final List<Consumer<ProviderService>> goneListeners = new ArrayList<>();

	/** Constructor injection, so the context and the log are there before the first bind. */
	@Activate
	public ProviderCatalog(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
		this.context = context;
		this.log = log;
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = MessageStoreProvider.class)
	void bindStoreProvider(ServiceReference<MessageStoreProvider> reference) {
		add(ProviderKind.STORE, reference);
	}

	void unbindStoreProvider(ServiceReference<MessageStoreProvider> reference) {
		remove(reference);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = AddressBookProvider.class)
	void bindAddressBookProvider(ServiceReference<AddressBookProvider> reference) {
		add(ProviderKind.ADDRESS_BOOK, reference);
	}

	void unbindAddressBookProvider(ServiceReference<AddressBookProvider> reference) {
		remove(reference);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = TransportProvider.class)
	void bindTransportProvider(ServiceReference<TransportProvider> reference) {
		add(ProviderKind.TRANSPORT, reference);
	}

	void unbindTransportProvider(ServiceReference<TransportProvider> reference) {
		remove(reference);
	}

	private void add(ProviderKind kind, ServiceReference<? extends ServiceProvider> reference) {
		Object name = reference.getProperty(ServiceProvider.PROVIDER_NAME);
		String bundle = reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName();
		if (!(name instanceof String providerName) || providerName.isBlank()) {
			log.error("Provider service {} of bundle {} has no '{}' property; ignored", reference.getProperty(Constants.SERVICE_ID),
					bundle, ServiceProvider.PROVIDER_NAME);
			return;
		}
		if (!Constants.SCOPE_PROTOTYPE.equals(reference.getProperty(Constants.SERVICE_SCOPE))) {
			log.error("Provider {} of bundle {} is not a prototype-scope service, so it cannot give one object per session; ignored",
					providerName, bundle);
			return;
		}
		ServiceObjects<? extends ServiceProvider> objects = context.getServiceObjects(reference);
		if (objects == null) {
			return;
		}
		Object display = reference.getProperty(ServiceProvider.PROVIDER_DISPLAY);
		ProviderService service = new ProviderService(providerName, kind,
				display instanceof String d && !d.isBlank() ? d : providerName, bundle, reference, objects, new CallGate(providerName));
		synchronized (this) {
			List<ProviderService> services = byName.computeIfAbsent(providerName, n -> new ArrayList<>());
			services.add(service);
			notifyAll();
			if (services.size() > 1) {
				log.warn("Provider name {} is registered twice (bundles {} and {}); the first one is used", providerName,
						services.get(0).bundleName(), bundle);
			}
		}
		log.info("Provider {} ({}) available from bundle {}", providerName, kind, bundle);
	}

	private void remove(ServiceReference<? extends ServiceProvider> reference) {
		ProviderService gone = null;
		List<Consumer<ProviderService>> listeners;
		synchronized (this) {
			for (List<ProviderService> services : byName.values()) {
				for (ProviderService service : services) {
					if (service.reference().equals(reference)) {
						gone = service;
					}
				}
				if (gone != null) {
					services.remove(gone);
					if (services.isEmpty()) {
						byName.remove(gone.name());
					}
					break;
				}
			}
			listeners = List.copyOf(goneListeners);
		}
		if (gone != null) {
			log.info("Provider {} is going away", gone.name());
			for (Consumer<ProviderService> listener : listeners) {
				listener.accept(gone);
			}
		}
	}

	/** The provider registered first under this name, if any. */
	public synchronized Optional<ProviderService> find(String name) {
		List<ProviderService> services = byName.get(name);
		return services == null || services.isEmpty() ? Optional.empty() : Optional.of(services.get(0));
	}

	/** Waits up to {@code millis} for a provider of this name to be registered. */
	public synchronized Optional<ProviderService> await(String name, long millis) {
		long deadline = System.nanoTime() + millis * 1_000_000;
		Optional<ProviderService> found = find(name);
		while (found.isEmpty()) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				break;
			}
			try {
				wait(left);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			found = find(name);
		}
		return found;
	}

	public synchronized List<ProviderService> all() {
		List<ProviderService> all = new ArrayList<>();
		byName.values().forEach(all::addAll);
		return all;
	}

	/** Called, during the service's unregistration, for each provider service that goes away. */
	public synchronized void onProviderGone(Consumer<ProviderService> listener) {
		goneListeners.add(listener);
	}

	public synchronized void removeListener(Consumer<ProviderService> listener) {
		goneListeners.remove(listener);
	}
}

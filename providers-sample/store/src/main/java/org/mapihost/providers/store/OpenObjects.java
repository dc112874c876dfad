package org.mapihost.providers.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.osgi.service.log.Logger;

/**
 * The folders and messages a store handed out and the runtime has not released yet. At the
 * store's shutdown whatever is still open is released and logged as a leak. {@code this} guards
 * {@code open} and {@code closed}.
 */
final class OpenObjects {
	private final Set<StoreObject> open = Collections.newSetFromMap(new IdentityHashMap<>());
	private final String storeName;
	private final Logger log;
	private boolean closed;

	OpenObjects(String storeName, Logger log) {
		this.storeName = storeName;
		this.log = log;
	}

	synchronized StoreObject opened(StoreObject object) {
		if (!closed) {
			open.add(object);
		}
		return object;
	}

	void released(StoreObject object) {
		boolean known;
		synchronized (this) {
			known = open.remove(object);
		}
		if (!known) {
			log.debug("Store '{}': {} released again or after the store closed; ignored", storeName, object);
		}
	}

	synchronized int size() {
		return open.size();
	}

	/**
	 * Releases what is still open and logs each one as a leak; later releases are ignored.
	 *
	 * @return how many objects were still open
	 */
	int close() {
		List<StoreObject> leaked;
		synchronized (this) {
			closed = true;
			leaked = new ArrayList<>(open);
			open.clear();
		}
		for (StoreObject object : leaked) {
			log.warn("Store '{}' closed with {} still open (not released by its client); released now", storeName, object);
		}
		return leaked.size();
	}
}

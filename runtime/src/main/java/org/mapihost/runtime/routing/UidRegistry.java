package org.mapihost.runtime.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mapihost.api.MapiUid;

/**
 * A session's MAPIUID → logon map. A UID may be registered by several logons and several
 * times; routing goes to the first registration (MAPI's rule). Concurrency: {@code this}.
 *
 * @param <L> the logon type
 */
public final class UidRegistry<L> {
	private record Registration<L>(MapiUid uid, L logon) {
	}

	private final List<Registration<L>> registrations = new ArrayList<>();

	public synchronized void register(MapiUid uid, L logon) {
		registrations.add(new Registration<>(uid, logon));
	}

	/** The logon that registered {@code uid} first, if any is left. */
	public synchronized Optional<L> route(MapiUid uid) {
		return registrations.stream().filter(r -> r.uid().equals(uid)).map(Registration::logon).findFirst();
	}

	/** Removes every registration of {@code logon}; returns how many there were. */
	public synchronized int removeAll(L logon) {
		int before = registrations.size();
		registrations.removeIf(r -> r.logon() == logon);
		return before - registrations.size();
	}

	public synchronized List<MapiUid> uidsOf(L logon) {
		List<MapiUid> uids = new ArrayList<>();
		registrations.stream().filter(r -> r.logon() == logon).forEach(r -> uids.add(r.uid()));
		return uids;
	}

	public synchronized int size() {
		return registrations.size();
	}
}

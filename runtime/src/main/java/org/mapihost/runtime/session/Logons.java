package org.mapihost.runtime.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.mapihost.api.AbLogonFlag;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.Recipient;
import org.mapihost.api.Resolution;
import org.mapihost.api.ResultCode;
import org.mapihost.api.TransportLogonFlag;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.TransportProvider;
import org.mapihost.runtime.provider.ProviderCalls;
import org.mapihost.runtime.leaks.LeakTracker;
import org.mapihost.runtime.profile.Profile;
import org.mapihost.runtime.provider.ProviderService;
import org.mapihost.runtime.spooler.TransportLink;
import org.mapihost.runtime.watch.Sequence;

/**
 * A session's provider objects and logons, and the MAPI sequences that start and shut them
 * down (DESIGN.md §3). Every method runs under the session's operations lock. The shutdown
 * methods add their steps to a {@link Sequence}, each step one provider call or one piece of
 * bookkeeping, conditions read when the step runs.
 */
final class Logons {
	private static final int NO_TRAFFIC = TransportLogonFlag.LOGON_NO_INBOUND.value() | TransportLogonFlag.LOGON_NO_OUTBOUND.value();
	private static final int BEGIN = NotifyFlag.NOTIFY_BEGIN_INBOUND.value() | NotifyFlag.NOTIFY_BEGIN_OUTBOUND.value();
	private static final int END = NotifyFlag.NOTIFY_END_INBOUND.value() | NotifyFlag.NOTIFY_END_OUTBOUND.value();
	private static final List<ProviderKind> SHUTDOWN_ORDER = List.of(ProviderKind.TRANSPORT, ProviderKind.ADDRESS_BOOK, ProviderKind.STORE);

	private final Session session;
	private final ProviderCalls calls;
	private final List<ProviderObject> providerObjects = new ArrayList<>();
	private final List<Logon> logons = new java.util.concurrent.CopyOnWriteArrayList<>();

	Logons(Session session, ProviderCalls calls) {
		this.session = session;
		this.calls = calls;
	}

	Logon logonTransport(Profile.Entry entry, String profileName) {
		Logon logon = newLogon(entry, ProviderKind.TRANSPORT);
		TransportLogon transport = logonCall(logon, "IXPProvider::TransportLogon", MapiFlags.names(TransportLogonFlag.class, NO_TRAFFIC),
				() -> ((TransportProvider) logon.provider.object).transportLogon(logon.support, profileName, NO_TRAFFIC));
		if (transport == null) {
			return null;
		}
		attach(logon, transport);
		try {
			logon.addressTypes = calls.call("IXPLogon::AddressTypes", logon.providerName(), logon.id, List.of(), transport::addressTypes);
		} catch (MapiException e) {
			logon.addressTypes = List.of();
		}
		if (session.spooler != null) {
			session.spooler.addressTypesAnnounced(logon.addressTypes);
		}
		return logon;
	}

	Logon logonStore(Profile.Entry entry, String profileName, int flags) {
		Logon logon = newLogon(entry, ProviderKind.STORE);
		StoreLogon store = logonCall(logon, "IMSProvider::Logon", MapiFlags.names(MdbFlag.class, flags),
				() -> ((MessageStoreProvider) logon.provider.object).logon(logon.support, profileName, flags));
		if (store == null) {
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "store '" + entry.name() + "' is not available");
		}
		if (store.store() == null) {
			calls.violation(logon.providerName(), logon.id, "IMSProvider::Logon returned a logon without a store");
			abandon(logon);
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + logon.providerName() + " returned no store");
		}
		attach(logon, store);
		return logon;
	}

	void logonAddressBook(Profile.Entry entry, String profileName, int flags) {
		Logon logon = newLogon(entry, ProviderKind.ADDRESS_BOOK);
		AddressBookLogon addressBook = logonCall(logon, "IABProvider::Logon", MapiFlags.names(AbLogonFlag.class, flags),
				() -> ((AddressBookProvider) logon.provider.object).logon(logon.support, profileName, flags));
		if (addressBook != null) {
			attach(logon, addressBook);
		}
	}

	/**
	 * Calls a provider's logon method. Returns null when the provider declined with
	 * {@code MAPI_E_FAILONEPROVIDER} (the rest of the session goes on); any other failure is
	 * thrown as {@code MAPI_E_LOGON_FAILED} unless the provider gave a more precise code.
	 */
	private <T> T logonCall(Logon logon, String call, List<String> flags, Supplier<T> body) {
		T result;
		try {
			result = gatedLogon(logon.provider.service, () -> calls.call(call, logon.providerName(), logon.provider.id, flags, body));
		} catch (MapiException e) {
			abandon(logon);
			if (e.code() == ResultCode.MAPI_E_FAILONEPROVIDER) {
				session.services.log().warn("Provider {} declined the logon of entry '{}': {}", logon.providerName(), logon.entry.name(), e.sentence());
				return null;
			}
			throw e.code() == ResultCode.MAPI_E_CALL_FAILED
					? new MapiException(ResultCode.MAPI_E_LOGON_FAILED, e.sentence(), e) : e;
		}
		if (result == null) {
			calls.violation(logon.providerName(), logon.provider.id, call + " returned nothing");
			abandon(logon);
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + logon.providerName() + " returned no logon");
		}
		return result;
	}

	/** A logon-time call: refused with MAPI_E_LOGON_FAILED while the provider is being unloaded. */
	private static <T> T gatedLogon(ProviderService service, Supplier<T> body) {
		try {
			return ProviderCalls.gated(service.gate(), body);
		} catch (MapiException e) {
			if (service.gate().isClosed() && e.code() == ResultCode.MAPI_E_INVALID_OBJECT) {
				throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, e.sentence(), e);
			}
			throw e;
		}
	}

	private Logon newLogon(Profile.Entry entry, ProviderKind kind) {
		ProviderService service = session.services.catalog().find(entry.providerName())
				.orElseGet(() -> session.services.libraries().load(entry.providerName(), session.id()));
		if (service.kind() != kind) {
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + entry.providerName() + " of entry '" + entry.name()
					+ "' is a " + service.kind() + " provider, not a " + kind + " provider");
		}
		ProviderObject provider = providerObject(service);
		String prefix = kind.prefix().toLowerCase(Locale.ROOT);
		return new Logon(session.services.nextId(prefix + "l"), session.services.nextId("sup"), provider, entry, session);
	}

	private ProviderObject providerObject(ProviderService service) {
		for (ProviderObject existing : providerObjects) {
			if (existing.service.equals(service)) {
				return existing;
			}
		}
		String id = session.services.nextId(service.kind().prefix().toLowerCase(Locale.ROOT) + "p");
		ServiceProvider object = gatedLogon(service, () -> calls.call(service.initCall(), service.name(), id, List.of(),
				() -> service.serviceObjects().getService()));
		if (object == null) {
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + service.name()
					+ " could not make a provider object (its component did not activate; see the log)");
		}
		ProviderObject provider = new ProviderObject(id, service, object);
		provider.tracked = session.services.leaks().track("provider object", () -> id + " of " + service.name() + " in session " + session.id(),
				session::isLoggedOff);
		providerObjects.add(provider);
		return provider;
	}

	private void attach(Logon logon, Object providerLogon) {
		logon.providerLogon = providerLogon;
		logons.add(logon);
		logon.provider.liveLogons++;
		logon.tracked = session.services.leaks().track("logon", () -> logon.id + " of " + logon.providerName() + " in session " + session.id(),
				session::isLoggedOff);
	}

	/** A logon call failed: the provider must not keep the support object; drop what it registered. */
	private void abandon(Logon logon) {
		logon.support.abandon();
		logon.supportTracked.released();
		if (!session.uids.uidsOf(logon).isEmpty() || session.status.contains(logon.id)) {
			removeRegistrations(logon);
		}
		logon.registrationsRemoved = true;
	}

	void enableTraffic() {
		for (Logon logon : logonsOf(ProviderKind.TRANSPORT)) {
			if (!logon.trafficEnabled) {
				logon.trafficEnabled = true;
				ResultCode result = calls.step("IXPLogon::TransportNotify", logon.providerName(), logon.id,
						MapiFlags.names(NotifyFlag.class, BEGIN), () -> logon.transportLogon().transportNotify(BEGIN));
				if (result == ResultCode.S_OK && session.spooler != null) {
					session.spooler.addTransport(new TransportLink(logon.id, logon.providerName(), logon.provider.service.gate(),
							logon.transportLogon(), logon.addressTypes));
				}
			}
		}
	}

	/** The provider's part of OpenEntry. */
	static PropObject openObject(Logon logon, EntryId entryId, int flags) {
		PropObject object = switch (logon.kind()) {
		case STORE -> logon.storeLogon().store().openEntry(entryId, flags);
		case ADDRESS_BOOK -> logon.addressBookLogon().openEntry(entryId, flags);
		case TRANSPORT -> throw new MapiException(ResultCode.MAPI_E_NO_SUPPORT, "transports do not open entries");
		};
		if (object == null) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "provider " + logon.providerName() + " returned nothing for " + entryId);
		}
		return object;
	}

	/** The runtime's part of OpenEntry: the client's handle on what the provider opened. */
	EntryHandle entryHandle(Logon logon, EntryId entryId, PropObject object) {
		EntryHandle entry = new EntryHandle(session.services.nextId("e"), logon, object, entryId != null ? entryId : object.entryId());
		entry.track(session.services.leaks(), () -> "entry " + entry.id() + " of " + logon.id + " (" + logon.providerName() + ", session "
				+ session.id() + ")");
		logon.openEntries.add(entry);
		if (logon.storeHandle != null) {
			logon.storeHandle.childOpened();
		}
		return entry;
	}

	void closeEntry(EntryHandle entry) {
		if (entry.logon.openEntries.remove(entry)) {
			releaseObject(entry);
		}
	}

	private void releaseObject(EntryHandle entry) {
		entry.invalidate();
		PropObject object = entry.takeObject();
		if (object == null) {
			return;
		}
		try {
			object.release();
		} catch (RuntimeException | LinkageError e) {
			calls.violation(entry.logon.providerName(), entry.id(), "PropObject.release threw " + e);
		}
	}

	List<EntryHandle> openEntries() {
		List<EntryHandle> entries = new ArrayList<>();
		logons.forEach(l -> entries.addAll(l.openEntries));
		return entries;
	}

	/** Rules 1 and 2: the store's last reference is gone. */
	void releaseStore(StoreHandle store, Sequence sequence) {
		Logon logon = store.logon;
		if (!logons.contains(logon)) {
			return;
		}
		String provider = logon.providerName();
		sequence.add(() -> calls.shutdownStep("IMsgStore::Release", provider, store.id(), List.of(), () -> logon.storeLogon().store().release()))
				.add(() -> checkTransportsLoggedOff(logon, "IMsgStore::Release"))
				.add(() -> removeRegistrationsIfReleased(logon))
				.add(() -> calls.shutdownStep("IMSLogon::Logoff", provider, logon.id, List.of(), () -> logon.storeLogon().logoff(0)))
				.add(() -> removeRegistrationsIfReleased(logon))
				.add(() -> calls.shutdownStep("IMSLogon::Release", provider, logon.id, List.of(), () -> logon.storeLogon().release()))
				.add(() -> finish(logon));
	}

	/** Rule 3: every logon (transports, address books, stores), then every provider object. */
	void shutdownAll(Sequence sequence) {
		for (ProviderKind kind : SHUTDOWN_ORDER) {
			for (Logon logon : logonsOf(kind)) {
				shutdownLogon(logon, sequence);
			}
		}
		List<ProviderObject> providers = new ArrayList<>(providerObjects);
		providers.sort(Comparator.comparingInt(p -> SHUTDOWN_ORDER.indexOf(p.service.kind())));
		for (ProviderObject provider : providers) {
			shutdownProvider(provider, sequence);
		}
		sequence.add(providerObjects::clear);
	}

	/**
	 * A provider is going away while in use: shuts down each of its logons as in rule 3, then
	 * its provider objects. Returns whether the session had any.
	 */
	boolean shutdownProvider(ProviderService service, Sequence sequence) {
		boolean used = false;
		for (ProviderKind kind : SHUTDOWN_ORDER) {
			for (Logon logon : logonsOf(kind)) {
				if (logon.provider.service.equals(service)) {
					shutdownLogon(logon, sequence);
					used = true;
				}
			}
		}
		for (ProviderObject provider : List.copyOf(providerObjects)) {
			if (provider.service.equals(service)) {
				shutdownProvider(provider, sequence);
				sequence.add(() -> providerObjects.remove(provider));
				used = true;
			}
		}
		return used;
	}

	private void shutdownLogon(Logon logon, Sequence sequence) {
		String provider = logon.providerName();
		String logonCall = logon.logonInterface();
		sequence.add(() -> releaseOpenEntries(logon));
		switch (logon.kind()) {
		case TRANSPORT -> sequence.add(() -> {
			if (session.spooler != null) {
				session.spooler.removeTransport(logon.id);
			}
		}).add(() -> {
			if (logon.trafficEnabled) {
				calls.shutdownStep("IXPLogon::TransportNotify", provider, logon.id, MapiFlags.names(NotifyFlag.class, END),
						() -> logon.transportLogon().transportNotify(END));
			}
		}).add(() -> calls.shutdownStep("IXPLogon::TransportLogoff", provider, logon.id, List.of(),
				() -> logon.transportLogon().transportLogoff(0)));
		case ADDRESS_BOOK -> sequence.add(() -> calls.shutdownStep("IABLogon::Logoff", provider, logon.id, List.of(),
				() -> logon.addressBookLogon().logoff(0)));
		case STORE -> sequence.add(() -> {
			if (logon.storeHandle != null) {
				logon.storeHandle.markClosed();
				logon.storeHandle.invalidate();
				if (session.spooler != null) {
					session.spooler.removeStore(logon.storeHandle.id());
				}
			}
		}).add(() -> calls.shutdownStep("IMSLogon::Logoff", provider, logon.id, List.of(), () -> logon.storeLogon().logoff(0)))
				.add(() -> checkTransportsLoggedOff(logon, "IMSLogon::Logoff"));
		}
		sequence.add(() -> removeRegistrationsIfReleased(logon))
				.add(() -> calls.shutdownStep(logonCall + "::Release", provider, logon.id, List.of(), () -> release(logon)))
				.add(() -> finish(logon));
	}

	/** Rule 2: a store shuts down through StoreLogoffTransports; one that skipped it is reported (once). */
	private void checkTransportsLoggedOff(Logon logon, String call) {
		if (!logon.support.transportsLoggedOff() && !logon.transportsCheckReported) {
			logon.transportsCheckReported = true;
			calls.violation(logon.providerName(), logon.id, "the store shut down in " + call
					+ " without a completed IMAPISupport::StoreLogoffTransports");
		}
	}

	private void releaseOpenEntries(Logon logon) {
		for (EntryHandle entry : List.copyOf(logon.openEntries)) {
			session.services.log().warn("Entry {} of {} was still open at logoff; released by the runtime", entry.id(), logon.id);
			logon.openEntries.remove(entry);
			releaseObject(entry);
		}
	}

	private static void release(Logon logon) {
		switch (logon.kind()) {
		case TRANSPORT -> logon.transportLogon().release();
		case ADDRESS_BOOK -> logon.addressBookLogon().release();
		case STORE -> logon.storeLogon().release();
		}
	}

	private void shutdownProvider(ProviderObject provider, Sequence sequence) {
		String name = provider.service.name();
		sequence.add(() -> {
			if (provider.liveLogons > 0) {
				calls.violation(name, provider.id, "provider object still has " + provider.liveLogons + " logons at Shutdown");
			}
		}).add(() -> calls.shutdownStep(provider.call("Shutdown"), name, provider.id, List.of(), () -> provider.object.shutdown(0)))
				.add(() -> calls.shutdownStep(provider.call("Release"), name, provider.id, List.of(), () -> ungetService(provider)))
				.add(() -> {
					provider.tracked.released();
					provider.unreleasedSupports.forEach(LeakTracker.Tracked::released);
					provider.object = null;
				});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void ungetService(ProviderObject provider) {
		try {
			((org.osgi.framework.ServiceObjects) provider.service.serviceObjects()).ungetService(provider.object);
		} catch (IllegalStateException e) {
			session.services.log().debug("Provider {} was already unregistered at its Release: {}", provider.service.name(), e.toString());
		}
	}

	private void removeRegistrationsIfReleased(Logon logon) {
		if (logon.support.isReleased()) {
			removeRegistrations(logon);
		}
	}

	private void removeRegistrations(Logon logon) {
		if (logon.registrationsRemoved) {
			return;
		}
		logon.registrationsRemoved = true;
		if (logon.kind() != ProviderKind.TRANSPORT) {
			session.uids.removeAll(logon);
			calls.instant("MAPI::RemoveProviderUIDs", logon.providerName(), logon.id);
		}
		session.status.remove(logon.id);
		calls.instant("MAPI::RemoveStatusRow", logon.providerName(), logon.id);
	}

	/** The logon's last call has returned: check that its support object went, and forget it. */
	private void finish(Logon logon) {
		if (logon.support.endLogon()) {
			calls.violation(logon.providerName(), logon.support.id(),
					"support object never released by " + logon.logonInterface() + " " + logon.id + "; the runtime removed its registrations");
			logon.provider.unreleasedSupports.add(logon.supportTracked);
		}
		removeRegistrations(logon);
		logons.remove(logon);
		logon.provider.liveLogons--;
		logon.tracked.released();
		logon.providerLogon = null;
	}

	/** Each address book's matches, profile order; the first that finds something answers. */
	Resolution resolveName(String name) {
		for (Logon logon : logonsOf(ProviderKind.ADDRESS_BOOK)) {
			List<Recipient> matches = ProviderCalls.gated(logon.provider.service.gate(), () -> calls.call("IABContainer::ResolveNames",
					logon.providerName(), logon.id, List.of(), () -> logon.addressBookLogon().resolveName(name)));
			if (matches != null && !matches.isEmpty()) {
				return new Resolution(name, matches);
			}
		}
		return new Resolution(name, List.of());
	}

	/** Read without the session's lock: a count for listings. */
	int count(String provider) {
		return (int) List.copyOf(logons).stream().filter(l -> l.providerName().equals(provider)).count();
	}

	Logon first(ProviderKind kind) {
		List<Logon> of = logonsOf(kind);
		return of.isEmpty() ? null : of.get(0);
	}

	private List<Logon> logonsOf(ProviderKind kind) {
		List<Logon> of = new ArrayList<>();
		for (Logon logon : logons) {
			if (logon.kind() == kind) {
				of.add(logon);
			}
		}
		return of;
	}
}

package org.mapihost.runtime.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.mapihost.api.AbLogonFlag;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiHandle;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.MsgStore;
import org.mapihost.api.OpenEntryFlag;
import org.mapihost.api.Recipient;
import org.mapihost.api.Resolution;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.SessionLogoffFlag;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.MessageStore;
import org.mapihost.api.provider.PropObject;
import org.mapihost.runtime.provider.ProviderCalls;
import org.mapihost.runtime.profile.Profile;
import org.mapihost.runtime.provider.ProviderService;
import org.mapihost.runtime.routing.UidRegistry;
import org.mapihost.runtime.spooler.Spooler;
import org.mapihost.runtime.spooler.StoreLink;
import org.mapihost.runtime.status.StatusTable;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.mapihost.runtime.watch.HandOverLock;
import org.mapihost.runtime.watch.Sequence;

/**
 * {@code IMAPISession}. Its lifecycle operations (logon, open, close, logoff) run one at a time
 * under {@code operations}, a lock that provider callbacks (support methods) never take, so a
 * provider calling back on its own thread cannot deadlock with it; it is taken with a bounded
 * wait. Its shutdown sequences run as {@link Sequence}s, which a rescue thread finishes (with
 * the lock) when a provider call in them hangs. The UID registry and the status table have
 * their own locks.
 */
public final class Session extends HandleBase implements MapiSession {
	static final long LOCK_TIMEOUT_SECONDS = 60;
	/** StoreLogoff takes exactly one of these (made once: the check runs on every StoreLogoff). */
	private static final StoreLogoffFlag[] STORE_LOGOFF_MODES = { StoreLogoffFlag.LOGOFF_NO_WAIT, StoreLogoffFlag.LOGOFF_ORDERLY,
			StoreLogoffFlag.LOGOFF_PURGE, StoreLogoffFlag.LOGOFF_ABORT, StoreLogoffFlag.LOGOFF_QUIET };

	final RuntimeServices services;
	final UidRegistry<Logon> uids = new UidRegistry<>();
	final StatusTable status = new StatusTable();
	private final Profile profile;
	private final Object owner;
	private final ProviderCalls calls;
	private final Logons logons;
	private final HandOverLock operations = new HandOverLock();
	private final Map<String, ProviderKind> entryKinds = new LinkedHashMap<>();
	private final Map<String, StoreHandle> stores = new LinkedHashMap<>();
	private AddressBookHandle addressBook;
	private boolean addressBooksLoggedOn;
	private volatile boolean loggedOff;
	/** Null for a {@code MAPI_NO_MAIL} session. */
	Spooler spooler;

	private Session(String id, RuntimeServices services, Profile profile, Object owner) {
		super(id);
		this.services = services;
		this.profile = profile;
		this.owner = owner;
		this.calls = new ProviderCalls(services.trace(), services.watch(), id);
		this.logons = new Logons(this, calls);
	}

	/**
	 * {@code MAPILogonEx} after the subsystem's checks: resolves the entries, logs the transports on.
	 * The session is known to the subsystem before its first provider logon, so that a hot unload
	 * that begins meanwhile shuts that logon down too (rule 5) instead of missing the session.
	 */
	public static Session logon(String id, RuntimeServices services, Profile profile, int flags, Object owner) {
		Session session = new Session(id, services, profile, owner);
		services.sessionStarted(session);
		try {
			session.logonProviders(flags);
		} catch (RuntimeException | Error e) {
			services.sessionEnded(session);
			throw e;
		}
		session.track(services.leaks(), () -> "session " + id + " (profile " + profile.name() + ")");
		return session;
	}

	private void logonProviders(int flags) {
		lock();
		try {
			for (Profile.Entry entry : profile.entries()) {
				ProviderKind kind = services.catalog().find(entry.providerName()).map(ProviderService::kind)
						.or(() -> services.libraries().indexedKind(entry.providerName()))
						.orElseThrow(() -> new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "provider " + entry.providerName()
								+ " of profile entry '" + entry.name() + "' is not available (not registered, and not in the providers folder)"));
				entryKinds.put(entry.name(), kind);
			}
			if ((flags & LogonFlag.MAPI_NO_MAIL.value()) == 0) {
				spooler = new Spooler(id(), calls, services.log(), services.spoolerSettings());
				for (Profile.Entry entry : entriesOf(ProviderKind.TRANSPORT)) {
					logons.logonTransport(entry, profile.name());
				}
			}
		} catch (MapiException e) {
			loggedOff = true;
			invalidate();
			Sequence undo = sequence("failed logon of " + id());
			undo.add(this::stopSpooler);
			shutdownEverything(undo);
			undo.run();
			throw e;
		} finally {
			operations.unlock();
		}
	}

	public Object owner() {
		return owner;
	}

	@Override
	public String profileName() {
		return profile.name();
	}

	@Override
	public List<String> msgStoreNames() {
		checkValid();
		return entriesOf(ProviderKind.STORE).stream().map(Profile.Entry::name).toList();
	}

	private List<Profile.Entry> entriesOf(ProviderKind kind) {
		return profile.entries().stream().filter(e -> entryKinds.get(e.name()) == kind).toList();
	}

	@Override
	public MsgStore openMsgStore(String storeName, int flags) {
		Step step = services.trace().begin("IMAPISession::OpenMsgStore", id(), null, id(), MapiFlags.names(MdbFlag.class, flags));
		try {
			checkValid();
			MapiFlags.requireKnown("OpenMsgStore", flags, MdbFlag.values());
			StoreHandle store = openStoreLocked(storeName, flags);
			TraceRecorder.end(step, ResultCode.S_OK, "store '" + storeName + "' is " + store.id());
			return store;
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		}
	}

	private StoreHandle openStoreLocked(String storeName, int flags) {
		lock();
		try {
			checkValid();
			StoreHandle open = stores.get(storeName);
			if (open != null && open.isValid()) {
				open.addRef();
				return open;
			}
			Profile.Entry entry = profile.entry(storeName).filter(e -> entryKinds.get(e.name()) == ProviderKind.STORE)
					.orElseThrow(() -> new MapiException(ResultCode.MAPI_E_NOT_FOUND,
							"profile " + profile.name() + " has no store named '" + storeName + "'; stores: " + msgStoreNames()));
			Logon logon = logons.logonStore(entry, profile.name(), flags);
			StoreHandle store = new StoreHandle(services.nextId("ms"), logon);
			store.track(services.leaks(), () -> "store " + store.id() + " (" + storeName + ", session " + id() + ")");
			logon.storeHandle = store;
			stores.put(storeName, store);
			logons.enableTraffic();
			if (spooler != null) {
				boolean receive = entriesOf(ProviderKind.STORE).get(0).name().equals(storeName);
				spooler.addStore(new StoreLink(store.id(), logon.providerName(), logon.provider.service.gate(),
						logon.storeLogon().store(), () -> closeStore(store)), receive);
			}
			return store;
		} finally {
			operations.unlock();
		}
	}

	int storeLogoff(StoreHandle store, int flag) {
		Logon logon = store.logon;
		lock();
		try {
			store.checkValid();
			return ProviderCalls.gated(logon.provider.service.gate(), () -> calls.call("IMsgStore::StoreLogoff", logon.providerName(),
					store.id(), MapiFlags.names(StoreLogoffFlag.class, flag), () -> {
						MapiFlags.requireExactlyOne("StoreLogoff", flag, STORE_LOGOFF_MODES);
						return logon.storeLogon().store().storeLogoff(flag);
					}));
		} finally {
			operations.unlock();
		}
	}

	/** The client released the store and everything opened in it: closed now, or by the spooler when it is done with it. */
	void storeUnused(StoreHandle store) {
		Spooler current = spooler;
		if (current == null || current.letGo(store.id())) {
			closeStore(store);
		}
	}

	<T> T storeCall(StoreHandle store, String call, Function<MessageStore, T> body) {
		Logon logon = store.logon;
		return ProviderCalls.gated(logon.provider.service.gate(), () -> calls.call(call, logon.providerName(), store.id(), List.of(),
				() -> {
					MessageStore target = logon.storeLogon().store();
					return body.apply(target);
				}));
	}

	void submitted(StoreHandle store) {
		if (spooler != null) {
			spooler.submitted(store.id());
		}
	}

	/** {@code IAddrBook::ResolveName}: the first address book (profile order) that finds something answers. */
	Resolution resolveName(String name) {
		Step step = services.trace().begin("IAddrBook::ResolveName", id(), null, id(), List.of());
		try {
			checkValid();
			if (name == null || name.isBlank() || name.length() > 1024) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "a name to resolve must be 1 to 1024 characters");
			}
			Resolution resolution = logons.resolveName(name);
			if (resolution.matches().isEmpty() && name.indexOf(':') > 0) {
				resolution = new Resolution(name, List.of(Recipient.parse(name.strip())));
			}
			TraceRecorder.end(step, ResultCode.S_OK, resolution.matches().size() + " match(es)");
			return resolution;
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		}
	}

	void closeStore(StoreHandle store) {
		lock();
		try {
			if (!store.markClosed()) {
				return;
			}
			stores.remove(store.name(), store);
			store.invalidate();
			Sequence release = sequence("release of " + store.id());
			logons.releaseStore(store, release);
			release.run();
		} finally {
			operations.unlock();
		}
	}

	@Override
	public AddressBook openAddressBook(int flags) {
		checkValid();
		MapiFlags.requireKnown("OpenAddressBook", flags, AbLogonFlag.values());
		lock();
		try {
			checkValid();
			if (addressBook != null && addressBook.isValid()) {
				addressBook.addRef();
				return addressBook;
			}
			if (!addressBooksLoggedOn) {
				addressBooksLoggedOn = true;
				for (Profile.Entry entry : entriesOf(ProviderKind.ADDRESS_BOOK)) {
					logons.logonAddressBook(entry, profile.name(), flags);
				}
			}
			AddressBookHandle book = new AddressBookHandle(services.nextId("ab"), this);
			book.track(services.leaks(), () -> "address book " + book.id() + " (session " + id() + ")");
			addressBook = book;
			return book;
		} finally {
			operations.unlock();
		}
	}

	void addressBookReleased(AddressBookHandle handle) {
		handle.invalidate();
	}

	@Override
	public MapiEntry openEntry(EntryId entryId, int flags) {
		checkValid();
		return openRoutedEntry("IMAPISession::OpenEntry", entryId, flags, null);
	}

	MapiEntry openStoreEntry(StoreHandle store, EntryId entryId, int flags) {
		return openRoutedEntry("IMsgStore::OpenEntry", entryId, flags, store.logon);
	}

	MapiEntry openAddressBookEntry(EntryId entryId, int flags) {
		checkValid();
		return openRoutedEntry("IAddrBook::OpenEntry", entryId, flags, null);
	}

	/**
	 * Routes by the entry ID's MAPIUID. A null entry ID opens the root of a store
	 * ({@code IMsgStore::OpenEntry}) or of the first address book ({@code IAddrBook::OpenEntry}),
	 * as in MAPI; the session itself needs a real one.
	 */
	private MapiEntry openRoutedEntry(String call, EntryId entryId, int flags, Logon required) {
		boolean addressBook = call.startsWith("IAddrBook");
		Logon logon;
		if (required != null) {
			logon = required;
		} else if (entryId != null) {
			logon = uids.route(entryId.uid()).orElse(null);
		} else if (addressBook) {
			logon = logons.first(ProviderKind.ADDRESS_BOOK);
		} else {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, call + " needs an entry ID");
		}
		if (logon == null || (addressBook && logon.kind() != ProviderKind.ADDRESS_BOOK)) {
			MapiException unknown = new MapiException(ResultCode.MAPI_E_UNKNOWN_ENTRYID, entryId == null
					? "no address book is logged on" : "no open provider registered the MAPIUID " + entryId.uid());
			services.trace().instant(call, id(), null, id(), MapiFlags.names(OpenEntryFlag.class, flags), unknown.code(), unknown.sentence());
			throw unknown;
		}
		Logon target = logon;
		PropObject object = ProviderCalls.gated(target.provider.service.gate(), () -> calls.call(call, target.providerName(), id(),
				MapiFlags.names(OpenEntryFlag.class, flags), () -> {
					MapiFlags.requireKnown(call, flags, OpenEntryFlag.values());
					return Logons.openObject(target, entryId, flags);
				}, PropObject::release));
		return logons.entryHandle(target, entryId, object);
	}

	<T> T entryCall(EntryHandle entry, String method, Supplier<T> body) {
		try {
			return ProviderCalls.gated(entry.logon.provider.service.gate(), body);
		} catch (MapiException e) {
			throw e;
		} catch (RuntimeException | LinkageError e) {
			calls.violation(entry.logon.providerName(), entry.id(), method + " threw " + e);
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED, "provider " + entry.logon.providerName() + " failed in " + method, e);
		}
	}

	void entryReleased(EntryHandle entry) {
		lock();
		try {
			logons.closeEntry(entry);
		} finally {
			operations.unlock();
		}
		if (entry.logon.storeHandle != null) {
			entry.logon.storeHandle.childReleased();
		}
	}

	@Override
	public List<StatusRow> statusTable() {
		checkValid();
		return status.rows();
	}

	@Override
	public void logoff(int flags) {
		Step step = services.trace().begin("IMAPISession::Logoff", id(), null, id(), MapiFlags.names(SessionLogoffFlag.class, flags));
		try {
			checkValid();
			MapiFlags.requireKnown("IMAPISession::Logoff", flags, SessionLogoffFlag.values());
			logoffLocked(step);
			TraceRecorder.end(step, ResultCode.S_OK, null);
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		}
	}

	/** Logs the session off for the subsystem (last uninitialize, client gone); returns false if it already was. */
	public boolean forceLogoff(String reason) {
		if (loggedOff) {
			return false;
		}
		services.log().warn("Logging session {} off: {}", id(), reason);
		Step step = services.trace().begin("IMAPISession::Logoff", id(), null, id(), List.of());
		logoffLocked(step);
		TraceRecorder.end(step, ResultCode.S_OK, reason);
		return true;
	}

	/** Rule 3 under the session's lock; {@code step} is the Logoff step, which a rescue thread ends if it finishes the logoff. */
	private void logoffLocked(Step step) {
		lock();
		try {
			if (loggedOff) {
				return;
			}
			loggedOff = true;
			invalidate();
			if (addressBook != null) {
				addressBook.invalidate();
			}
			Sequence logoff = sequence("logoff of " + id()).closing(step);
			logoff.add(this::stopSpooler);
			shutdownEverything(logoff);
			logoff.add(() -> services.sessionEnded(this));
			logoff.run();
		} finally {
			operations.unlock();
		}
	}

	private Sequence sequence(String name) {
		return new Sequence(services.watch(), services.trace(), name).holding(operations);
	}

	private void stopSpooler() {
		if (spooler != null) {
			spooler.stop();
		}
	}

	private void shutdownEverything(Sequence sequence) {
		sequence.add(() -> {
			for (StoreHandle store : stores.values()) {
				store.markClosed();
				store.invalidate();
			}
			stores.clear();
		});
		logons.shutdownAll(sequence);
	}

	/** Hot unload: the provider's service is being unregistered; its logons here are shut down first. */
	public void providerGone(ProviderService service) {
		lock();
		try {
			if (loggedOff) {
				return;
			}
			Sequence gone = sequence(service.name() + " gone from " + id());
			if (logons.shutdownProvider(service, gone)) {
				gone.add(() -> {
					stores.values().removeIf(store -> !store.isValid());
					services.log().info("Session {}: provider {} went away; its logons were shut down", id(), service.name());
				});
				gone.run();
			}
		} finally {
			operations.unlock();
		}
	}

	/** How many logons of this provider the session has open. */
	public int logonsOf(String provider) {
		return logons.count(provider);
	}

	public boolean isLoggedOff() {
		return loggedOff;
	}

	@Override
	void lastReleased() {
		forceLogoff("released without IMAPISession::Logoff (client bug)");
	}

	@Override
	String whyInvalid() {
		return loggedOff ? "the session has logged off" : "released";
	}

	/** Open store handles, for the shell and leak reports. */
	public List<MsgStore> openStores() {
		lock();
		try {
			return new ArrayList<>(stores.values());
		} finally {
			operations.unlock();
		}
	}

	/** Every handle of this session by id, for the shell. */
	public List<MapiHandle> handles() {
		lock();
		try {
			List<MapiHandle> handles = new ArrayList<>(stores.values());
			if (addressBook != null) {
				handles.add(addressBook);
			}
			handles.addAll(logons.openEntries());
			return handles;
		} finally {
			operations.unlock();
		}
	}

	private void lock() {
		try {
			if (!operations.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new MapiException(ResultCode.MAPI_E_TIMEOUT,
						"session " + id() + " is busy with another operation for more than " + LOCK_TIMEOUT_SECONDS + " s");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MapiException(ResultCode.MAPI_E_USER_CANCEL, "interrupted while waiting for session " + id());
		}
	}

	@Override
	public String toString() {
		return id() + " (profile " + profile.name() + (loggedOff ? ", logged off" : "") + ")";
	}
}

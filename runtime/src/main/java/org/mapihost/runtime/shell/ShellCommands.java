package org.mapihost.runtime.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;

import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.InitFlag;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiHandle;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.MsgStore;
import org.mapihost.api.OpenEntryFlag;
import org.mapihost.api.ResultCode;
import org.mapihost.api.SessionLogoffFlag;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.admin.LeakReport;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.ProviderLibraries;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.runtime.client.MapiSubsystem;
import org.mapihost.runtime.session.MapiHandleInfo;
import org.mapihost.runtime.session.Session;
import org.mapihost.runtime.trace.TraceRecorder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What each {@code mapi:*} command does. The shell is one MAPI client (the runtime bundle's
 * own {@link Mapi} object); it can address every session and handle of the subsystem by id.
 * Results are plain Strings (Gogo on JDK 17 cannot print JDK-internal collection types).
 */
@Component(service = ShellCommands.class)
public class ShellCommands {
	private static final int DEFAULT_LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();

	@Reference
	Mapi mapi;

	@Reference
	MapiSubsystem subsystem;

	@Reference
	TraceRecorder trace;

	@Reference
	ProviderLibraries libraries;

	/** The handles this shell opened, by id, until their last release: a client keeps what it holds. */
	private final Map<String, MapiHandle> held = new ConcurrentHashMap<>();

	List<Command> all() {
		List<Command> all = new ArrayList<>(basics());
		all.addAll(new MailCommands(subsystem, this::handle).all());
		return all;
	}

	private List<Command> basics() {
		return List.of(
				new Command("init", "[FLAGS]", 0, 1, this::init),
				new Command("uninit", "", 0, 0, args -> uninit()),
				new Command("logon", "PROFILE [FLAGS]", 1, 2, this::logon),
				new Command("logoff", "SESSION [FLAGS]", 1, 2, this::logoff),
				new Command("sessions", "", 0, 0, args -> sessions()),
				new Command("stores", "[SESSION]", 0, 1, this::stores),
				new Command("open-store", "SESSION [STORE] [FLAGS]", 1, 3, this::openStore),
				new Command("store-logoff", "STORE FLAG", 2, 2, this::storeLogoff),
				new Command("release", "HANDLE", 1, 1, this::release),
				new Command("open-ab", "SESSION", 1, 1, this::openAddressBook),
				new Command("open-entry", "SESSION|STORE|AB ENTRYID|root [FLAGS]", 2, 3, this::openEntry),
				new Command("status", "SESSION", 1, 1, this::status),
				new Command("trace", "[SINCE]", 0, 1, this::trace),
				new Command("providers", "", 0, 0, args -> providers()),
				new Command("unload", "NAME", 1, 1, this::unload),
				new Command("leaks", "", 0, 0, args -> leaks()));
	}

	private String init(List<String> args) {
		mapi.initialize(args.isEmpty() ? 0 : MapiFlags.parse(InitFlag.class, args.get(0)));
		return "MAPIInitialize: S_OK (this shell's count " + mapi.initializeCount() + ", all clients " + subsystem.initializeCount() + ")";
	}

	private String uninit() {
		mapi.uninitialize();
		return "MAPIUninitialize: S_OK (this shell's count " + mapi.initializeCount() + ", all clients " + subsystem.initializeCount() + ")";
	}

	private String logon(List<String> args) {
		int flags = args.size() > 1 ? MapiFlags.parse(LogonFlag.class, args.get(1)) : DEFAULT_LOGON_FLAGS;
		return hold(mapi.logon(args.get(0), flags));
	}

	private String logoff(List<String> args) {
		MapiSession session = session(args.get(0));
		session.logoff(args.size() > 1 ? MapiFlags.parse(SessionLogoffFlag.class, args.get(1)) : 0);
		release(session);
		return session.id() + " logged off";
	}

	private String sessions() {
		List<String> lines = new ArrayList<>();
		for (Session session : subsystem.sessions()) {
			lines.add(session.id() + "  profile=" + session.profileName() + "  stores=" + session.openStores().size()
					+ "  status rows=" + session.statusTable().size());
		}
		return lines.isEmpty() ? "no sessions" : String.join("\n", lines);
	}

	private String stores(List<String> args) {
		List<String> lines = new ArrayList<>();
		for (Session session : subsystem.sessions()) {
			if (args.isEmpty() || session.id().equals(args.get(0))) {
				for (MsgStore store : session.openStores()) {
					lines.add(store.id() + "  session=" + session.id() + "  store=" + store.name() + "  references="
							+ ((MapiHandleInfo) store).references());
				}
			}
		}
		return lines.isEmpty() ? "no open stores" : String.join("\n", lines);
	}

	private String openStore(List<String> args) {
		MapiSession session = session(args.get(0));
		String store = args.size() > 1 ? args.get(1) : defaultStore(session);
		int flags = args.size() > 2 ? MapiFlags.parse(MdbFlag.class, args.get(2)) : 0;
		return hold(session.openMsgStore(store, flags));
	}

	private static String defaultStore(MapiSession session) {
		List<String> names = session.msgStoreNames();
		if (names.isEmpty()) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "profile " + session.profileName() + " has no store");
		}
		return names.get(0);
	}

	private String storeLogoff(List<String> args) {
		MsgStore store = handle(args.get(0), MsgStore.class);
		int out = store.storeLogoff(MapiFlags.parse(StoreLogoffFlag.class, args.get(1)));
		return String.join("|", MapiFlags.names(StoreLogoffFlag.class, out));
	}

	private String release(List<String> args) {
		MapiHandle handle = handle(args.get(0), MapiHandle.class);
		int left = release(handle);
		return handle.id() + ": " + left + (left == 1 ? " reference" : " references") + " left";
	}

	private String openAddressBook(List<String> args) {
		return hold(session(args.get(0)).openAddressBook(0));
	}

	private String openEntry(List<String> args) {
		MapiHandle target = handle(args.get(0), MapiHandle.class);
		EntryId entryId = "root".equalsIgnoreCase(args.get(1)) ? null : EntryId.parse(args.get(1));
		int flags = args.size() > 2 ? MapiFlags.parse(OpenEntryFlag.class, args.get(2)) : 0;
		MapiEntry entry;
		if (target instanceof MsgStore store) {
			entry = store.openEntry(entryId, flags);
		} else if (target instanceof AddressBook addressBook) {
			entry = addressBook.openEntry(entryId, flags);
		} else if (target instanceof MapiSession session) {
			entry = session.openEntry(entryId, flags);
		} else {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, args.get(0) + " is not a session, store or address book");
		}
		hold(entry);
		List<String> lines = new ArrayList<>();
		lines.add(entry.id() + "  type=" + entry.objectType() + "  entryid=" + entry.entryId());
		new TreeMap<>(entry.properties()).forEach((name, value) -> lines.add("  " + name + " = " + value));
		return String.join("\n", lines);
	}

	private String status(List<String> args) {
		List<String> lines = new ArrayList<>();
		for (StatusRow row : session(args.get(0)).statusTable()) {
			lines.add(row.integer(StatusColumn.PR_ROWID) + "  type=" + row.integer(StatusColumn.PR_RESOURCE_TYPE) + "  "
					+ row.string(StatusColumn.PR_DISPLAY_NAME) + "  [" + row.string(StatusColumn.PR_PROVIDER_DISPLAY) + "]  code="
					+ String.join("|", MapiFlags.names(StatusCode.class, row.integer(StatusColumn.PR_STATUS_CODE)))
					+ "  \"" + row.string(StatusColumn.PR_STATUS_STRING) + "\"");
		}
		return lines.isEmpty() ? "no status rows" : String.join("\n", lines);
	}

	private String trace(List<String> args) {
		long since = 0;
		if (!args.isEmpty()) {
			try {
				since = Long.parseLong(args.get(0));
			} catch (NumberFormatException e) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "SINCE is a sequence number, got '" + args.get(0) + "'");
			}
		}
		List<String> lines = new ArrayList<>();
		for (TraceEvent event : trace.since(since)) {
			lines.add(event.toJson());
		}
		return String.join("\n", lines);
	}

	private String providers() {
		List<String> lines = new ArrayList<>();
		for (LibraryInfo library : libraries.libraries()) {
			StringBuilder line = new StringBuilder(library.name()).append("  type=").append(library.kind() == null ? "?" : library.kind())
					.append("  version=").append(library.version().isEmpty() ? "?" : library.version()).append("  ")
					.append(library.state());
			if (library.logons() > 0) {
				line.append(" by ").append(library.logons()).append(library.logons() == 1 ? " logon" : " logons");
			}
			line.append("  loads=").append(library.loadCount()).append("  bundle=").append(library.bundleId() < 0 ? "-" : library.bundleId());
			if (library.failure() != null) {
				line.append("  failed: ").append(library.failure());
			}
			lines.add(line.toString());
		}
		return lines.isEmpty() ? "no provider libraries" : String.join("\n", lines);
	}

	private String unload(List<String> args) {
		libraries.unload(args.get(0));
		return args.get(0) + " unloaded";
	}

	private String leaks() {
		LeakReport report = libraries.leaks();
		List<String> lines = new ArrayList<>();
		report.providerObjects().forEach(l -> lines.add("provider object not released: " + l));
		report.logons().forEach(l -> lines.add("logon not released: " + l));
		report.supportObjects().forEach(l -> lines.add("support object: " + l));
		report.clientHandles().forEach(l -> lines.add("client handle not released: " + l));
		report.removalPendingBundles().forEach(l -> lines.add("removal-pending bundle: " + l));
		report.reachableClassLoaders().forEach(l -> lines.add("still reachable after FreeLibrary: " + l));
		return lines.isEmpty() ? "no leaks" : String.join("\n", lines);
	}

	private MapiSession session(String id) {
		return handle(id, MapiSession.class);
	}

	private String hold(MapiHandle handle) {
		held.put(handle.id(), handle);
		return handle.id();
	}

	private int release(MapiHandle handle) {
		int left = handle.release();
		if (left == 0) {
			held.remove(handle.id(), handle);
		}
		return left;
	}

	/** A handle this shell holds, or any session or open handle of the subsystem (an operator's reach). */
	private <T extends MapiHandle> T handle(String id, Class<T> type) {
		MapiHandle handle = Optional.ofNullable(held.get(id)).or(() -> subsystem.findHandle(id))
				.orElseThrow(() -> new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, "no open session or handle is called '" + id + "'"));
		if (!type.isInstance(handle)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, id + " is not a " + type.getSimpleName());
		}
		return type.cast(handle);
	}

}

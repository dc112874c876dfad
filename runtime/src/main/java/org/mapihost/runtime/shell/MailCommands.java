package org.mapihost.runtime.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiHandle;
import org.mapihost.api.MapiSession;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.api.Resolution;
import org.mapihost.api.ResultCode;
import org.mapihost.runtime.client.MapiSubsystem;
import org.mapihost.runtime.session.Session;

/** The shell's mail commands: folders, contents, read, resolve and send. Stateless. */
final class MailCommands {
	private static final String DRAFTS = "Drafts";
	private static final long POLL_MILLIS = 100;
	private static final int SHOWN_BODY_CHARS = 64 * 1024;

	private final MapiSubsystem subsystem;
	private final BiFunction<String, Class<? extends MapiHandle>, MapiHandle> handles;

	MailCommands(MapiSubsystem subsystem, BiFunction<String, Class<? extends MapiHandle>, MapiHandle> handles) {
		this.subsystem = subsystem;
		this.handles = handles;
	}

	List<Command> all() {
		return List.of(
				new Command("folders", "STORE", 1, 1, this::folders),
				new Command("contents", "STORE FOLDER [AT-LEAST [SECONDS]]", 2, 4, this::contents),
				new Command("read", "STORE ENTRYID", 2, 2, this::read),
				new Command("resolve", "SESSION NAME", 2, 2, this::resolve),
				new Command("send", "STORE TO SUBJECT [BODY]", 3, 4, this::send));
	}

	private String folders(List<String> args) {
		List<String> lines = new ArrayList<>();
		for (FolderRow folder : store(args.get(0)).folders()) {
			lines.add(folder.name() + "  messages=" + folder.messages() + "  unread=" + folder.unread() + "  entryid=" + folder.entryId());
		}
		return String.join("\n", lines);
	}

	/** Lists a folder; with AT-LEAST, first waits (up to SECONDS, default 30) until it holds that many messages. */
	private String contents(List<String> args) {
		MsgStore store = store(args.get(0));
		EntryId folder = store.folder(args.get(1));
		int atLeast = args.size() > 2 ? number(args.get(2), "AT-LEAST") : 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(args.size() > 3 ? number(args.get(3), "SECONDS") : 30).toNanos();
		List<MessageRow> rows = store.contents(folder);
		while (rows.size() < atLeast && System.nanoTime() < deadline) {
			pause();
			rows = store.contents(folder);
		}
		if (rows.size() < atLeast) {
			throw new MapiException(ResultCode.MAPI_E_TIMEOUT, args.get(1) + " holds " + rows.size() + " messages, not " + atLeast);
		}
		List<String> lines = new ArrayList<>();
		for (MessageRow row : rows) {
			Message message = row.message();
			lines.add((message.read() ? "  " : "* ") + from(message) + "  \"" + message.subject() + "\"  entryid=" + row.entryId());
		}
		return lines.isEmpty() ? args.get(1) + " is empty" : String.join("\n", lines);
	}

	private String read(List<String> args) {
		Message message = store(args.get(0)).readMessage(EntryId.parse(args.get(1)));
		List<String> lines = new ArrayList<>();
		lines.add("From: " + from(message));
		lines.add("To: " + String.join(", ", message.recipients().stream().map(MailCommands::address).toList()));
		lines.add("Subject: " + message.subject());
		if (message.submitTime() != null) {
			lines.add("Submitted: " + message.submitTime());
		}
		if (message.deliveryTime() != null) {
			lines.add("Delivered: " + message.deliveryTime());
		}
		lines.add("");
		lines.add(shown(message.body()));
		return String.join("\n", lines);
	}

	/** A console is no place for megabytes: a longer body is cut, the message itself is untouched. */
	private static String shown(String body) {
		if (body.length() <= SHOWN_BODY_CHARS) {
			return body;
		}
		return body.substring(0, SHOWN_BODY_CHARS) + "\n[" + (body.length() - SHOWN_BODY_CHARS)
				+ " more characters not shown; the message in the store is complete]";
	}

	private String resolve(List<String> args) {
		Resolution resolution = resolve(session(args.get(0)), args.get(1));
		if (resolution.matches().isEmpty()) {
			return "'" + args.get(1) + "' is not in any address book";
		}
		List<String> lines = new ArrayList<>();
		if (resolution.ambiguous()) {
			lines.add("'" + args.get(1) + "' is ambiguous:");
		}
		resolution.matches().forEach(r -> lines.add(address(r)));
		return String.join("\n", lines);
	}

	/** Resolves TO through the store's session's address book, saves the message in Drafts and submits it. */
	private String send(List<String> args) {
		MsgStore store = store(args.get(0));
		Recipient to = resolve(sessionOf(store), args.get(1)).recipient();
		EntryId drafts = store.folders().stream().filter(f -> f.name().equals(DRAFTS)).map(FolderRow::entryId).findFirst()
				.orElseGet(() -> store.createFolder(DRAFTS));
		EntryId draft = store.saveMessage(drafts, Message.draft(args.get(2), null, List.of(to), args.size() > 3 ? args.get(3) : ""));
		EntryId submitted = store.submitMessage(draft);
		return "submitted to " + address(to) + "  entryid=" + submitted;
	}

	private static Resolution resolve(MapiSession session, String name) {
		AddressBook addressBook = session.openAddressBook(0);
		try {
			return addressBook.resolveName(name);
		} finally {
			addressBook.release();
		}
	}

	private MapiSession sessionOf(MsgStore store) {
		for (Session session : subsystem.sessions()) {
			if (session.openStores().contains(store)) {
				return session;
			}
		}
		throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, store.id() + " belongs to no open session");
	}

	private MsgStore store(String id) {
		return (MsgStore) handles.apply(id, MsgStore.class);
	}

	private MapiSession session(String id) {
		return (MapiSession) handles.apply(id, MapiSession.class);
	}

	private static String from(Message message) {
		return message.sender() == null ? "(no sender)" : address(message.sender());
	}

	private static String address(Recipient recipient) {
		return recipient.displayName() + " <" + recipient.searchKey() + ">";
	}

	private static int number(String text, String what) {
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, what + " is a number, got '" + text + "'");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_MILLIS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MapiException(ResultCode.MAPI_E_USER_CANCEL, "interrupted while waiting for messages");
		}
	}
}

package org.mapihost.providers.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.OpenEntryFlag;
import org.mapihost.api.ResultCode;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.providers.store.maildir.FolderName;
import org.mapihost.providers.store.maildir.MaildirFolder;
import org.mapihost.providers.store.maildir.StoredMessage;

/**
 * One logon's Maildir store. Disk access goes through {@link StoreAccess}, whose root lock
 * guards every read and change of the Maildir; {@link OpenObjects} guards the objects handed
 * out; the shutdown state is the base class's ({@code this}).
 */
final class MaildirStore extends MessageStoreBase {
	private static final Map<FolderName, String> STORE_PROPERTIES = Map.of(FolderName.INBOX, "PR_IPM_INBOX_ENTRYID",
			FolderName.OUTBOX, "PR_IPM_OUTBOX_ENTRYID", FolderName.SENT_ITEMS, "PR_IPM_SENTMAIL_ENTRYID",
			FolderName.DELETED_ITEMS, "PR_IPM_WASTEBASKET_ENTRYID");

	private final StoreAccess access;
	private final Outgoing outgoing;
	private final OpenObjects open;

	MaildirStore(ProviderSupport support, StoreAccess access, StoreSettings settings) {
		super(support);
		this.access = access;
		this.outgoing = new Outgoing(access, settings.identity());
		this.open = new OpenObjects(access.storeName, access.log);
	}

	@Override
	public PropObject openEntry(EntryId entryId, int flags) {
		requireOpen("OpenEntry");
		MapiFlags.requireKnown("IMsgStore::OpenEntry", flags, OpenEntryFlag.values());
		if (entryId == null || access.isRoot(entryId)) {
			Map<String, EntryId> standard = new LinkedHashMap<>();
			FolderName.STANDARD.forEach(folder -> standard.put(STORE_PROPERTIES.get(folder), access.id(folder)));
			return open.opened(new StoreObject(access.root(), StoreObject.MAPI_FOLDER,
					Properties.root(access.root(), access.storeName, standard), open));
		}
		return open.opened(access.locked("OpenEntry", () -> {
			if (!access.namesMessage(entryId)) {
				MaildirFolder folder = access.folder(entryId);
				return new StoreObject(entryId, StoreObject.MAPI_FOLDER, Properties.folder(row(folder), access.root()), open);
			}
			StoreAccess.Located located = access.message(entryId);
			StoredMessage stored = located.folder().get(located.id());
			Message message = access.read(located.folder(), stored);
			return new StoreObject(entryId, StoreObject.MAPI_MESSAGE, Properties.message(entryId,
					access.id(located.folder().name()), message, located.folder().name().equals(FolderName.OUTBOX),
					stored.size()), open);
		}));
	}

	@Override
	public List<FolderRow> folders() {
		requireOpen("folders");
		return access.locked("GetHierarchyTable", () -> {
			List<FolderName> names = new ArrayList<>(FolderName.STANDARD);
			access.maildir.folders().stream().filter(name -> !name.isStandard())
					.sorted(Comparator.comparing(FolderName::name, String.CASE_INSENSITIVE_ORDER)).forEach(names::add);
			List<FolderRow> rows = new ArrayList<>();
			for (FolderName name : names) {
				rows.add(row(access.maildir.folder(name)));
			}
			return rows;
		});
	}

	@Override
	public EntryId folder(String name) {
		requireOpen("folder");
		FolderName folder = FolderName.of(name);
		return access.locked("folder", () -> access.id(access.maildir.folder(folder).name()));
	}

	@Override
	public EntryId createFolder(String name) {
		requireOpen("CreateFolder");
		FolderName folder = FolderName.of(name);
		return access.locked("CreateFolder", () -> {
			if (access.maildir.findFolder(folder).isPresent()) {
				throw new MapiException(ResultCode.MAPI_E_COLLISION, "store '" + access.storeName + "' has a folder '" + folder + "' already");
			}
			return access.id(access.maildir.createFolder(folder).name());
		});
	}

	@Override
	public void deleteFolder(EntryId folder) {
		requireOpen("DeleteFolder");
		if (access.isRoot(folder)) {
			throw new MapiException(ResultCode.MAPI_E_NO_ACCESS, "the root folder cannot be deleted");
		}
		FolderName name = access.folderName(folder);
		access.locked("DeleteFolder", () -> {
			access.maildir.deleteFolder(name);
			return null;
		});
	}

	@Override
	public List<MessageRow> contents(EntryId folder) {
		requireOpen("contents");
		if (access.isRoot(folder)) {
			return List.of();
		}
		return access.locked("GetContentsTable", () -> {
			MaildirFolder maildirFolder = access.folder(folder);
			List<MessageRow> rows = new ArrayList<>();
			for (StoredMessage stored : access.sorted(maildirFolder)) {
				try {
					rows.add(new MessageRow(access.id(maildirFolder.name(), stored.id()), access.read(maildirFolder, stored)));
				} catch (MapiException e) {
					access.log.debug("Store '{}': {} went away while listed", access.storeName, stored.file());
				}
			}
			return rows;
		});
	}

	@Override
	public EntryId saveMessage(EntryId folder, Message message) {
		requireOpen("SaveChanges");
		if (message == null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "no message to save");
		}
		return access.locked("SaveChanges", () -> {
			MaildirFolder target = access.folder(folder);
			try {
				StoredMessage stored = target.write(null, MessageMapping.flags(message), access.nextFileTime(),
						MessageMapping.toFile(message, message.sender(), null));
				return access.id(target.name(), stored.id());
			} catch (IllegalArgumentException e) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "cannot write the message: " + e.getMessage(), e);
			}
		});
	}

	@Override
	public Message readMessage(EntryId message) {
		requireOpen("readMessage");
		return access.locked("readMessage", () -> {
			StoreAccess.Located located = access.message(message);
			return access.read(located.folder(), located.folder().get(located.id()));
		});
	}

	@Override
	public void setReadFlag(EntryId message, boolean read) {
		requireOpen("SetReadFlag");
		access.locked("SetReadFlag", () -> {
			StoreAccess.Located located = access.message(message);
			return located.folder().setSeen(located.id(), read);
		});
	}

	@Override
	public EntryId moveMessage(EntryId message, EntryId folder) {
		requireOpen("CopyMessages");
		return access.locked("CopyMessages", () -> {
			StoreAccess.Located located = access.message(message);
			MaildirFolder target = access.folder(folder);
			return access.id(target.name(), located.folder().moveTo(located.id(), target).id());
		});
	}

	@Override
	public void deleteMessage(EntryId message) {
		requireOpen("DeleteMessages");
		access.locked("DeleteMessages", () -> {
			StoreAccess.Located located = access.message(message);
			located.folder().delete(located.id());
			return null;
		});
	}

	@Override
	public EntryId submitMessage(EntryId message) {
		requireOpen("SubmitMessage");
		return outgoing.submit(message);
	}

	@Override
	public List<EntryId> outgoingQueue() {
		requireOpen("GetOutgoingQueue");
		return outgoing.queue();
	}

	@Override
	public OutboundMessage outgoingMessage(EntryId message) {
		requireOpen("outgoingMessage");
		return outgoing.outgoing(message);
	}

	@Override
	public void finishedMessage(EntryId message) {
		requireOpen("FinishedMsg");
		outgoing.finished(message);
	}

	@Override
	public EntryId deliver(String deliveryId, byte[] content) {
		requireOpen("deliver");
		return outgoing.deliver(deliveryId, content);
	}

	int openObjects() {
		return open.size();
	}

	@Override
	protected void closeStore() {
		int leaked = open.close();
		access.log.info("Store '{}' at {} closed{}", access.storeName, access.maildir.root(),
				leaked == 0 ? "" : " (" + leaked + " objects were still open)");
	}

	private FolderRow row(MaildirFolder folder) throws IOException {
		List<StoredMessage> messages = folder.list();
		int unread = (int) messages.stream().filter(message -> !message.seen()).count();
		return new FolderRow(access.id(folder.name()), folder.name().name(), messages.size(), unread);
	}

	private void requireOpen(String call) {
		if (isShutDown()) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, call + " on store '" + access.storeName + "', which was shut down");
		}
	}

	@Override
	public String toString() {
		return "MaildirStore[" + access.storeName + ", " + access.maildir.root() + ", " + access.uid + "]";
	}
}

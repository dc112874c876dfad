package org.mapihost.providers.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.Message;
import org.mapihost.api.ResultCode;
import org.mapihost.providers.store.maildir.FolderName;
import org.mapihost.providers.store.maildir.Maildir;
import org.mapihost.providers.store.maildir.MaildirFolder;
import org.mapihost.providers.store.maildir.MessageId;
import org.mapihost.providers.store.maildir.StoreEntry;
import org.mapihost.providers.store.maildir.StoreEntryIds;
import org.mapihost.providers.store.maildir.StoredMessage;
import org.osgi.service.log.Logger;

/**
 * One store's way into its Maildir: entry IDs to folders and messages, messages to
 * {@link Message}s, and the root's lock around every step. {@link RootGuard#lock} guards every
 * read and change of the Maildir made through this class, so find-then-change steps are atomic
 * within this JVM; {@code warned} is a concurrent set.
 */
final class StoreAccess {
	/** A message a valid entry ID names, in a folder that exists. */
	record Located(MaildirFolder folder, MessageId id) {
	}

	@FunctionalInterface
	interface DiskStep<T> {
		T run() throws IOException;
	}

	final Maildir maildir;
	final MapiUid uid;
	final String storeName;
	final Logger log;
	final RootGuard guard;
	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	StoreAccess(Maildir maildir, MapiUid uid, String storeName, Logger log) {
		this.maildir = maildir;
		this.uid = uid;
		this.storeName = storeName;
		this.log = log;
		this.guard = RootGuard.of(maildir.root());
	}

	<T> T locked(String call, DiskStep<T> step) {
		guard.lock.lock();
		try {
			return step.run();
		} catch (FileAlreadyExistsException e) {
			throw new MapiException(ResultCode.MAPI_E_COLLISION, call + ": " + e.getFile() + " exists already", e);
		} catch (NoSuchFileException e) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, call + ": " + e.getFile() + " is gone (moved by another Maildir client?)", e);
		} catch (IOException e) {
			log.warn("Store '{}': {} failed on {}: {}", storeName, call, maildir.root(), e.toString());
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED, call + " failed on " + maildir.root() + ": " + e, e);
		} finally {
			guard.lock.unlock();
		}
	}

	Instant nextFileTime() {
		return guard.next();
	}

	EntryId root() {
		return StoreEntryIds.root(uid);
	}

	EntryId id(FolderName folder) {
		return StoreEntryIds.of(uid, StoreEntry.folder(folder));
	}

	EntryId id(FolderName folder, MessageId message) {
		return StoreEntryIds.of(uid, StoreEntry.message(folder, message));
	}

	boolean isRoot(EntryId entryId) {
		return StoreEntryIds.isRoot(uid, requireGiven(entryId));
	}

	/**
	 * @throws MapiException {@code MAPI_E_INVALID_ENTRYID} when it is not one of this store's
	 *                       entry IDs or names a message; {@code MAPI_E_INVALID_PARAMETER} for
	 *                       the root folder, which holds no messages
	 */
	FolderName folderName(EntryId entryId) {
		if (isRoot(entryId)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "the root folder of store '" + storeName
					+ "' holds no messages; use one of its folders");
		}
		StoreEntry entry = StoreEntryIds.parse(uid, entryId);
		if (entry.message().isPresent()) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "the entry ID " + entryId + " names a message, not a folder");
		}
		return entry.folder();
	}

	/** Call with the lock held. @throws MapiException {@code MAPI_E_NOT_FOUND} for a folder that does not exist */
	MaildirFolder folder(EntryId entryId) {
		return maildir.folder(folderName(entryId));
	}

	/** Call with the lock held. */
	Located message(EntryId entryId) {
		StoreEntry entry = parseMessage(entryId);
		return new Located(maildir.folder(entry.folder()), entry.message().orElseThrow());
	}

	/**
	 * @throws MapiException {@code MAPI_E_INVALID_ENTRYID} when it is not one of this store's entry IDs
	 */
	boolean namesMessage(EntryId entryId) {
		return !isRoot(entryId) && StoreEntryIds.parse(uid, entryId).message().isPresent();
	}

	StoreEntry parseMessage(EntryId entryId) {
		if (isRoot(entryId)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "the entry ID " + entryId + " names the root folder, not a message");
		}
		StoreEntry entry = StoreEntryIds.parse(uid, entryId);
		if (entry.message().isEmpty()) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "the entry ID " + entryId + " names a folder, not a message");
		}
		return entry;
	}

	/** Call with the lock held. @return the folder's messages, oldest (by file time) first */
	List<StoredMessage> sorted(MaildirFolder folder) throws IOException {
		return folder.list().stream().sorted(Comparator.comparing(StoredMessage::modified)
				.thenComparing(message -> message.id().name())).toList();
	}

	/**
	 * Call with the lock held. A file that cannot be read as a message is shown with a
	 * placeholder subject, and logged once, rather than breaking its folder.
	 *
	 * @throws MapiException {@code MAPI_E_NOT_FOUND} when the file went away
	 */
	Message read(MaildirFolder folder, StoredMessage stored) {
		try {
			return MessageMapping.toMessage(folder.read(stored.id()), stored);
		} catch (MapiException e) {
			if (e.code() == ResultCode.MAPI_E_NOT_FOUND) {
				throw e;
			}
			return unreadable(stored, e);
		} catch (IOException | RuntimeException e) {
			return unreadable(stored, e);
		}
	}

	private Message unreadable(StoredMessage stored, Exception problem) {
		if (warned.add(stored.file().toString())) {
			log.warn("Store '{}': cannot read the message file {}, shown as unreadable: {}", storeName, stored.file(),
					problem.toString());
		}
		return MessageMapping.unreadable(stored);
	}

	private static EntryId requireGiven(EntryId entryId) {
		if (entryId == null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "no entry ID given");
		}
		return entryId;
	}
}

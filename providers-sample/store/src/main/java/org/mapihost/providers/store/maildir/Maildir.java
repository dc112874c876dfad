package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * A message store on disk in Maildir++ layout, as mutt, Dovecot, Courier and Python's
 * {@code mailbox} read it: the root is the Inbox ({@code cur/ new/ tmp/}), every other folder
 * is a directory {@code .<name>} beside them with its own {@code cur/ new/ tmp/} and an empty
 * {@code maildirfolder} marker file. Messages are one RFC 5322 file each.
 * <p>
 * No locks: all changes are single renames, unlinks or directory creations, so other Maildir
 * clients may work on the same directory at the same time.
 */
public final class Maildir {
	/** How old a file in {@code tmp/} must be before {@link #recover()} removes it. */
	public static final Duration STALE_TMP_AGE = Duration.ofMinutes(30);

	static final String FOLDER_MARKER = "maildirfolder";
	static final String DELETED_PREFIX = "..deleted-";

	private final Path root;
	/** One index per folder directory, shared by every {@link MaildirFolder} this object hands out. */
	private final Map<Path, FolderIndex> indexes = new ConcurrentHashMap<>();

	private Maildir(Path root) {
		this.root = root;
	}

	/**
	 * Opens the store, creating the root and the {@link FolderName#STANDARD standard folders}
	 * where they are missing. Run {@link #recover()} next, before anything else uses it.
	 *
	 * @param root the Maildir root directory; created if missing
	 * @return the store
	 */
	public static Maildir open(Path root) throws IOException {
		Maildir maildir = new Maildir(root.toAbsolutePath().normalize());
		for (FolderName folder : FolderName.STANDARD) {
			maildir.createFolder(folder);
		}
		return maildir;
	}

	public Path root() {
		return root;
	}

	/**
	 * @return the Inbox, then the other folders in the order the directory lists them; folders
	 *         this store cannot name (nested Maildir++ folders) are left out
	 */
	public List<FolderName> folders() throws IOException {
		List<FolderName> folders = new ArrayList<>(List.of(FolderName.INBOX));
		DirectoryStream.Filter<Path> dotted = entry -> entry.getFileName().toString().startsWith(".");
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, dotted)) {
			for (Path entry : entries) {
				FolderName folder = FolderName.fromDirectoryName(entry.getFileName().toString());
				if (folder != null && isFolder(folder, entry)) {
					folders.add(folder);
				}
			}
		}
		return folders;
	}

	/**
	 * @return the folder, or empty when it does not exist
	 */
	public Optional<MaildirFolder> findFolder(FolderName name) {
		Path directory = directoryOf(name);
		return isFolder(name, directory) ? Optional.of(folderAt(name, directory)) : Optional.empty();
	}

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when the folder does not exist
	 */
	public MaildirFolder folder(FolderName name) {
		return findFolder(name).orElseThrow(() -> new MapiException(ResultCode.MAPI_E_NOT_FOUND,
				"the store at " + root + " has no folder '" + name + "'"));
	}

	/**
	 * Creates the folder, or completes a folder a crash left half-made; an existing folder is
	 * returned as it is.
	 *
	 * @throws MapiException {@link ResultCode#MAPI_E_COLLISION} when the folder's directory is a
	 *                       symbolic link
	 */
	public MaildirFolder createFolder(FolderName name) throws IOException {
		Path directory = directoryOf(name);
		if (!name.isInbox() && Files.isSymbolicLink(directory)) {
			throw new MapiException(ResultCode.MAPI_E_COLLISION, "the folder " + Printable.quote(name.name()) + " is a symbolic link in "
					+ root + ", which this store does not follow");
		}
		// tmp/ and new/ before cur/, so that a half-made folder never looks complete
		for (String subdirectory : List.of(MaildirFolder.TMP, MaildirFolder.NEW, MaildirFolder.CUR)) {
			DurableFiles.createPrivateDirectory(directory.resolve(subdirectory));
		}
		Path marker = directory.resolve(FOLDER_MARKER);
		if (!name.isInbox() && !Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
			try {
				DurableFiles.createPrivateFile(marker).close();
				DurableFiles.fsyncDirectory(directory);
			} catch (FileAlreadyExistsException e) {
				// another process made the marker just now: what we wanted
			}
		}
		return folderAt(name, directory);
	}

	private MaildirFolder folderAt(FolderName name, Path directory) {
		return new MaildirFolder(name, directory, indexes.computeIfAbsent(directory, FolderIndex::new));
	}

	/**
	 * Deletes a folder and the messages in it. The folder is first renamed to a
	 * {@code ..deleted-*} directory, which Maildir++ readers ignore, so that a crash never
	 * leaves a half-deleted folder visible; {@link #recover()} finishes such deletions.
	 *
	 * @throws MapiException {@link ResultCode#MAPI_E_NO_ACCESS} for a standard folder,
	 *                       {@link ResultCode#MAPI_E_NOT_FOUND} when it does not exist
	 */
	public void deleteFolder(FolderName name) throws IOException {
		if (name.isStandard()) {
			throw new MapiException(ResultCode.MAPI_E_NO_ACCESS, "the standard folder '" + name + "' cannot be deleted");
		}
		MaildirFolder folder = folder(name);
		Path trash = root.resolve(DELETED_PREFIX + UniqueNames.next().name());
		indexes.remove(folder.directory());
		DurableFiles.moveAtomically(folder.directory(), trash);
		DurableFiles.deleteTree(trash);
	}

	/**
	 * Cleans up after a crash, with {@link #STALE_TMP_AGE}.
	 *
	 * @return how many stray files and half-deleted folders were removed
	 */
	public int recover() throws IOException {
		return recover(STALE_TMP_AGE);
	}

	/**
	 * Removes files in the folders' {@code tmp/} older than {@code staleAfter} (deliveries cut
	 * short; younger ones may still be being written by another process) and the remains of
	 * folder deletions. Never touches {@code cur/} or {@code new/}.
	 *
	 * @return how many stray files and half-deleted folders were removed
	 */
	public int recover(Duration staleAfter) throws IOException {
		Instant cutoff = Instant.now().minus(staleAfter);
		int removed = 0;
		for (FolderName name : folders()) {
			removed += folder(name).removeStaleTmpFiles(cutoff);
		}
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root, DELETED_PREFIX + "*")) {
			for (Path leftover : leftovers) {
				DurableFiles.deleteTree(leftover);
				removed++;
			}
		}
		return removed;
	}

	/**
	 * A folder's directory must not be a symbolic link, which could lead out of the root; the
	 * root itself, the Inbox, may be one.
	 */
	private static boolean isFolder(FolderName name, Path directory) {
		return (name.isInbox() || !Files.isSymbolicLink(directory)) && MaildirFolder.isMaildir(directory);
	}

	private Path directoryOf(FolderName name) {
		Path directory = root.resolve(name.directoryName()).normalize();
		// FolderName already refuses separators and dots; this guards against a mistake there
		if (!directory.equals(root) && !root.equals(directory.getParent())) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER,
					"the folder name " + Printable.quote(name.name()) + " does not name a directory in " + root);
		}
		return directory;
	}

	@Override
	public String toString() {
		return "Maildir at " + root;
	}
}

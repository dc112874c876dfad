package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the messages of one folder are: message IDs to their files in {@code new/} and
 * {@code cur/}, read by one listing and kept current by this store's own changes, so that
 * finding a message needs no listing. Other Maildir clients rename and delete files behind its
 * back, so it only proposes: the caller checks a hit with a stat of the file, and trusts a miss
 * only while {@code new/} and {@code cur/} still have the modification time (and inode) seen
 * when the index was last complete; otherwise it lists again.
 * <p>
 * An own change is recorded with the times of its directories before and after it: when the
 * time before is the recorded one, the time after becomes the recorded one; when not, another
 * client (or thread) changed the directory and the next miss lists again. A change another
 * client makes between this store's rename and the stat right after it is not seen until the
 * next listing; other clients only ever create files under their own unique names, which this
 * store looks up only after listing them. On file systems with coarse timestamps (Linux before
 * 6.13) the same holds for a change in the same clock tick as the recorded time.
 * <p>
 * Thread-safe: every method that reads or writes the map is synchronized; disk work under the
 * monitor is limited to stats and, when the index is rebuilt, one listing.
 */
final class FolderIndex {
	/** A directory's identity and modification time; null stands for "unknown". */
	record Stamp(Object fileKey, FileTime modified) {
	}

	private final Path directory;
	private final Map<MessageId, Path> files = new HashMap<>();
	private final Map<String, Stamp> listed = new HashMap<>();
	private boolean built;

	FolderIndex(Path directory) {
		this.directory = directory;
	}

	/** @return the file last known for the message, or null; lists the folder on first use */
	synchronized Path known(MessageId id) throws IOException {
		if (!built) {
			rebuild();
		}
		return files.get(id);
	}

	/** @return whether new/ and cur/ are unchanged since the index was last complete */
	synchronized boolean unchanged() throws IOException {
		for (String subdirectory : List.of(MaildirFolder.NEW, MaildirFolder.CUR)) {
			Stamp stamp = listed.get(subdirectory);
			if (stamp == null || !stamp.equals(stamp(subdirectory))) {
				return false;
			}
		}
		return built;
	}

	/** Lists new/ and cur/ again; the stamps are taken first, so a change during the listing shows later. */
	synchronized void rebuild() throws IOException {
		Map<String, Stamp> stamps = new HashMap<>();
		Map<MessageId, Path> found = new HashMap<>();
		for (String subdirectory : List.of(MaildirFolder.NEW, MaildirFolder.CUR)) {
			stamps.put(subdirectory, stamp(subdirectory));
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.resolve(subdirectory))) {
				for (Path file : entries) {
					MessageFileName name = MessageFileName.parse(file.getFileName().toString());
					if (name != null) {
						found.putIfAbsent(name.id(), file);
					}
				}
			}
		}
		replace(found, stamps);
	}

	/** Takes what a full listing, made after the given stamps were taken, found. */
	synchronized void replace(Map<MessageId, Path> found, Map<String, Stamp> stamps) {
		files.clear();
		files.putAll(found);
		listed.clear();
		stamps.forEach((subdirectory, stamp) -> {
			if (stamp != null) {
				listed.put(subdirectory, stamp);
			}
		});
		built = true;
	}

	/** @return the stamps of the subdirectories, to pass to {@link #changed} after an own change */
	Map<String, Stamp> before(String... subdirectories) throws IOException {
		Map<String, Stamp> stamps = new HashMap<>();
		for (String subdirectory : subdirectories) {
			stamps.put(subdirectory, stamp(subdirectory));
		}
		return stamps;
	}

	/**
	 * Records an own change of the message's file.
	 *
	 * @param before the stamps {@link #before} took just before the change
	 * @param file   where the message is now, or null when it was removed from this folder
	 */
	synchronized void changed(Map<String, Stamp> before, MessageId id, Path file) throws IOException {
		if (!built) {
			return;
		}
		if (file == null) {
			files.remove(id);
		} else {
			files.put(id, file);
		}
		for (Map.Entry<String, Stamp> entry : before.entrySet()) {
			Stamp recorded = listed.remove(entry.getKey());
			if (recorded != null && recorded.equals(entry.getValue())) {
				Stamp after = stamp(entry.getKey());
				if (after != null) {
					listed.put(entry.getKey(), after);
				}
			}
		}
	}

	/** Forgets a file a stat found gone, so that the next look-up lists the folder. */
	synchronized void gone(MessageId id, Path file) {
		if (Objects.equals(files.get(id), file)) {
			files.remove(id);
			listed.clear();
		}
	}

	private Stamp stamp(String subdirectory) throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(directory.resolve(subdirectory), BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return new Stamp(attributes.fileKey(), attributes.lastModifiedTime());
		} catch (NoSuchFileException e) {
			return null;
		}
	}
}

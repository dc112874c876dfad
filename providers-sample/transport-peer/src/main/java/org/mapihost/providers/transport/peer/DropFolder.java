package org.mapihost.providers.transport.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The shared drop folder: one Maildir-like folder per local mailbox,
 * {@code <root>/<mailbox>/{tmp,new,cur}}. A message is written to {@code tmp/}, forced to
 * disk, renamed into {@code new/} and the directory is forced, so {@code new/} never shows a
 * half-written file. Delivered messages move to {@code cur/} and stay there as tombstones,
 * so a message submitted again is recognised. Directories are made {@code rwx------}, files
 * {@code rw-------}. Stateless apart from a counter; safe for concurrent use, the renames
 * being atomic.
 */
final class DropFolder {
	static final String TMP = "tmp";
	static final String NEW = "new";
	static final String CUR = "cur";

	private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
	private static final AtomicLong UNIQUE = new AtomicLong();

	enum Outcome { WRITTEN, ALREADY_THERE }

	private final Path root;
	private final boolean posix;

	DropFolder(Path root) {
		this.root = root;
		this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	Path root() {
		return root;
	}

	Path mailbox(String mailbox) {
		return root.resolve(mailbox);
	}

	/** Creates the root and the mailbox's {@code tmp}, {@code new} and {@code cur} when missing. */
	void createMailbox(String mailbox) throws IOException {
		createDirectory(root);
		Path box = mailbox(mailbox);
		createDirectory(box);
		for (String sub : List.of(TMP, NEW, CUR)) {
			createDirectory(box.resolve(sub));
		}
	}

	boolean hasMailbox(String mailbox) {
		return Files.isDirectory(mailbox(mailbox).resolve(NEW)) && Files.isDirectory(mailbox(mailbox).resolve(TMP));
	}

	/**
	 * Delivers the content to the mailbox as {@code new/<id>}, unless {@code new/<id>} or
	 * {@code cur/<id>} is already there.
	 */
	Outcome deliver(String mailbox, String id, byte[] content) throws IOException {
		Path box = mailbox(mailbox);
		Path target = box.resolve(NEW).resolve(id);
		if (Files.exists(target) || Files.exists(box.resolve(CUR).resolve(id))) {
			return Outcome.ALREADY_THERE;
		}
		Path tmp = box.resolve(TMP).resolve(id + "." + ProcessHandle.current().pid() + "_" + UNIQUE.incrementAndGet());
		try (FileChannel channel = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes(FILE))) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		} catch (IOException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
		forceDirectory(target.getParent());
		return Outcome.WRITTEN;
	}

	/** The files in the mailbox's {@code new/}, oldest first. */
	List<Path> waiting(String mailbox) throws IOException {
		record Waiting(Path file, FileTime modified) {
		}
		// one stat per file, not one per comparison: a backlog in new/ is sorted on every poll
		try (Stream<Path> files = Files.list(mailbox(mailbox).resolve(NEW))) {
			return files.filter(Files::isRegularFile).map(file -> new Waiting(file, modified(file)))
					.sorted(Comparator.comparing(Waiting::modified).thenComparing(w -> w.file().getFileName().toString()))
					.map(Waiting::file).toList();
		}
	}

	/**
	 * Moves {@code new/<id>} to {@code cur/<id>} and stamps it with the time of delivery.
	 *
	 * @return false when {@code new/<id>} was not there
	 */
	boolean markDelivered(String mailbox, String id, Instant now) throws IOException {
		Path box = mailbox(mailbox);
		Path tombstone = box.resolve(CUR).resolve(id);
		try {
			Files.move(box.resolve(NEW).resolve(id), tombstone, StandardCopyOption.ATOMIC_MOVE);
		} catch (NoSuchFileException e) {
			return false;
		}
		Files.setLastModifiedTime(tombstone, FileTime.from(now));
		forceDirectory(box.resolve(CUR));
		forceDirectory(box.resolve(NEW));
		return true;
	}

	/** Deletes the files of {@code sub} last modified more than {@code age} before {@code now}. */
	int deleteOlderThan(String mailbox, String sub, Duration age, Instant now) throws IOException {
		Instant limit = now.minus(age);
		int deleted = 0;
		try (Stream<Path> files = Files.list(mailbox(mailbox).resolve(sub))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (modified(file).toInstant().isBefore(limit) && Files.deleteIfExists(file)) {
					deleted++;
				}
			}
		}
		return deleted;
	}

	private void createDirectory(Path directory) throws IOException {
		try {
			Files.createDirectory(directory, fileAttributes(DIRECTORY));
		} catch (FileAlreadyExistsException e) {
			if (!Files.isDirectory(directory)) {
				throw e;
			}
		}
	}

	private FileAttribute<?>[] fileAttributes(Set<PosixFilePermission> permissions) {
		return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) } : new FileAttribute<?>[0];
	}

	/** Makes a rename durable; only POSIX file systems let a directory be opened for that. */
	private void forceDirectory(Path directory) throws IOException {
		if (posix) {
			try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
				channel.force(true);
			}
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		} catch (IOException e) {
			return FileTime.fromMillis(Long.MAX_VALUE);
		}
	}
}

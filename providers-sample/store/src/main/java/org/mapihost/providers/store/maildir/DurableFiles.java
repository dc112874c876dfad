package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File operations that are private to the owner and durable once they return. Files are
 * created {@code rw-------} and directories {@code rwx------} where the file system has POSIX
 * permissions; elsewhere (FAT, Windows) they get the file system's defaults.
 * <p>
 * Directory fsync: making a rename or a new directory entry durable needs an fsync of the
 * directory itself. Java can do that only by opening the directory as a {@link FileChannel}
 * and forcing it, which works on Linux and macOS; on Windows opening a directory fails, and
 * NTFS journals metadata anyway, so the step is skipped there.
 */
final class DurableFiles {
	static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
	static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

	private DurableFiles() {
	}

	static boolean hasPosixPermissions(Path path) throws IOException {
		return Files.getFileStore(path).supportsFileAttributeView("posix");
	}

	/**
	 * Creates the directory, and its missing parents, if it does not exist; an existing
	 * directory keeps its permissions.
	 */
	static void createPrivateDirectory(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		Path parent = directory.toAbsolutePath().getParent();
		if (parent != null) {
			createPrivateDirectory(parent);
		}
		try {
			Files.createDirectory(directory, attributes(parent, PRIVATE_DIRECTORY));
		} catch (FileAlreadyExistsException e) {
			if (!Files.isDirectory(directory)) {
				throw e;
			}
			return; // created concurrently by another process: fine
		}
		if (parent != null) {
			fsyncDirectory(parent);
		}
	}

	/**
	 * Opens a new file for writing; fails if the name exists, so a unique name is never reused.
	 */
	static FileChannel createPrivateFile(Path file) throws IOException {
		return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
				attributes(file.getParent(), PRIVATE_FILE));
	}

	/**
	 * Renames a file within one file system so that it is either at its old name or its new
	 * one, never both, never neither. The target directory is synced first: once it holds the
	 * new entry the message cannot be lost, even if the source directory's removal of the old
	 * entry does not reach the disk.
	 */
	static void moveAtomically(Path source, Path target) throws IOException {
		if (Files.exists(target)) {
			// rename(2) silently replaces an existing target; unique names make this a store bug or an attack
			throw new FileAlreadyExistsException(target.toString(), source.toString(), "refusing to replace a message");
		}
		Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		fsyncDirectory(target.getParent());
		if (!source.getParent().equals(target.getParent())) {
			fsyncDirectory(source.getParent());
		}
	}

	static void deleteDurably(Path file) throws IOException {
		Files.delete(file);
		fsyncDirectory(file.getParent());
	}

	static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.delete(path);
			}
		}
	}

	static void fsyncDirectory(Path directory) throws IOException {
		if (WINDOWS) {
			return;
		}
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private static FileAttribute<?>[] attributes(Path directory, Set<PosixFilePermission> permissions)
			throws IOException {
		if (directory != null && Files.exists(directory) && hasPosixPermissions(directory)) {
			return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) };
		}
		return new FileAttribute<?>[0];
	}
}

package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * One folder of a {@link Maildir}: a directory with {@code cur/}, {@code new/} and
 * {@code tmp/}. No locks: every change is one atomic rename or unlink, which is what keeps
 * this store safe next to other Maildir clients working on the same directory.
 * <p>
 * Finding a message asks the folder's {@link FolderIndex} where its file was last seen (its
 * name changes with its flags) and checks that with one stat; only when another client changed
 * the folder is it listed again.
 */
public final class MaildirFolder {
	static final String CUR = "cur";
	static final String NEW = "new";
	static final String TMP = "tmp";

	private final FolderName name;
	private final Path directory;
	private final FolderIndex index;

	MaildirFolder(FolderName name, Path directory) {
		this(name, directory, new FolderIndex(directory));
	}

	MaildirFolder(FolderName name, Path directory, FolderIndex index) {
		this.name = name;
		this.directory = directory;
		this.index = index;
	}

	static boolean isMaildir(Path directory) {
		return Files.isDirectory(directory.resolve(CUR), LinkOption.NOFOLLOW_LINKS)
				&& Files.isDirectory(directory.resolve(NEW), LinkOption.NOFOLLOW_LINKS)
				&& Files.isDirectory(directory.resolve(TMP), LinkOption.NOFOLLOW_LINKS);
	}

	public FolderName name() {
		return name;
	}

	public Path directory() {
		return directory;
	}

	/**
	 * @return the messages in {@code new/} and {@code cur/}; files whose names this store cannot
	 *         address (dot files, names with blanks) are left out
	 */
	public List<StoredMessage> list() throws IOException {
		Map<String, FolderIndex.Stamp> stamps = index.before(NEW, CUR);
		List<StoredMessage> messages = new ArrayList<>();
		Map<MessageId, Path> found = new HashMap<>();
		for (String subdirectory : List.of(NEW, CUR)) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.resolve(subdirectory))) {
				for (Path file : files) {
					MessageFileName fileName = MessageFileName.parse(file.getFileName().toString());
					if (fileName != null) {
						found.putIfAbsent(fileName.id(), file);
						stored(file, fileName).ifPresent(messages::add);
					}
				}
			}
		}
		index.replace(found, stamps);
		return messages;
	}

	/**
	 * @return the message, or empty when this folder does not hold it
	 */
	public Optional<StoredMessage> find(MessageId id) throws IOException {
		Path known = index.known(id);
		if (known != null) {
			Optional<StoredMessage> found = stored(known);
			if (found.isPresent()) {
				return found;
			}
			// renamed (flags, new/ to cur/) or deleted by another Maildir client: list again
		} else {
			for (String subdirectory : List.of(NEW, CUR)) {
				Optional<StoredMessage> unflagged = stored(directory.resolve(subdirectory).resolve(id.name()));
				if (unflagged.isPresent()) {
					return unflagged;
				}
			}
			if (index.unchanged()) {
				return Optional.empty();
			}
		}
		index.rebuild();
		Path file = index.known(id);
		return file == null ? Optional.empty() : stored(file);
	}

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 */
	public StoredMessage get(MessageId id) throws IOException {
		return find(id).orElseThrow(() -> new MapiException(ResultCode.MAPI_E_NOT_FOUND,
				"the folder '" + name + "' holds no message " + id));
	}

	/**
	 * @return the message's bytes; close it
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 */
	public InputStream open(MessageId id) throws IOException {
		return Files.newInputStream(get(id).file(), LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * @return the message's headers and text
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 * @throws IOException   also when the file is larger than the store reads (64 MiB)
	 */
	public MessageContent read(MessageId id) throws IOException {
		try (InputStream in = open(id)) {
			return MessageParser.parse(in);
		}
	}

	/**
	 * Delivers a message into {@code new/}; see {@link Delivery} for why this never leaves a
	 * half-written message behind.
	 *
	 * @return the new message's ID
	 */
	public MessageId deliver(MessageSource source) throws IOException {
		Map<String, FolderIndex.Stamp> before = index.before(NEW);
		MessageId id = Delivery.deliver(directory, source);
		index.changed(before, id, directory.resolve(NEW).resolve(id.name()));
		return id;
	}

	/**
	 * Writes a message durably under a chosen unique name, with its modification time set (the
	 * received date for Maildir readers): into {@code cur/} with the flag letters given, or into
	 * {@code new/} when {@code flags} is null. See {@link Delivery}.
	 *
	 * @param id    the unique name; a new one when null
	 * @param flags Maildir flag letters such as {@code "S"} or {@code "D"}, or null for {@code new/}
	 * @return the message written
	 * @throws FileAlreadyExistsException when this folder already holds a message of that name
	 */
	public StoredMessage write(MessageId id, String flags, Instant modified, MessageSource source) throws IOException {
		MessageId name = id == null ? UniqueNames.next() : id;
		if (find(name).isPresent()) {
			throw new FileAlreadyExistsException(name.name(), null, "the folder '" + this.name + "' already holds it");
		}
		MessageFileName target = flags == null ? new MessageFileName(name, null) : MessageFileName.withFlags(name, flags);
		Map<String, FolderIndex.Stamp> before = index.before(subdirectory(target));
		Path file = Delivery.deliver(directory, target, modified, source);
		index.changed(before, name, file);
		return stored(file, target).orElseThrow(() -> new NoSuchFileException(file.toString(), null,
				"moved away by another Maildir client right after it was written"));
	}

	/**
	 * @return the message's bytes as stored (LF line ends)
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 * @throws IOException   also when the file is larger than the store reads (64 MiB)
	 */
	public byte[] readBytes(MessageId id) throws IOException {
		try (InputStream in = open(id)) {
			return MessageParser.readAtMostMaxBytes(in);
		}
	}

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 */
	public void delete(MessageId id) throws IOException {
		Path file = get(id).file();
		Map<String, FolderIndex.Stamp> before = index.before(subdirectory(file));
		DurableFiles.deleteDurably(file);
		index.changed(before, id, null);
	}

	/**
	 * Moves a message to another folder of the same Maildir with one rename, keeping its name,
	 * flags and {@code new/} or {@code cur/} place.
	 *
	 * @return the message in its new folder
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 */
	public StoredMessage moveTo(MessageId id, MaildirFolder target) throws IOException {
		StoredMessage message = get(id);
		if (target.directory.equals(directory)) {
			return message;
		}
		Path file = message.file();
		Path moved = target.directory.resolve(file.getParent().getFileName()).resolve(file.getFileName());
		Map<String, FolderIndex.Stamp> sourceBefore = index.before(subdirectory(file));
		Map<String, FolderIndex.Stamp> targetBefore = target.index.before(subdirectory(moved));
		DurableFiles.moveAtomically(file, moved);
		index.changed(sourceBefore, id, null);
		target.index.changed(targetBefore, id, moved);
		return target.get(id);
	}

	/**
	 * Sets or clears the read flag ({@code S}); a message in {@code new/} moves to {@code cur/}.
	 *
	 * @return the message with its new flags
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when this folder does not hold it
	 */
	public StoredMessage setSeen(MessageId id, boolean seen) throws IOException {
		StoredMessage message = get(id);
		MessageFileName current = MessageFileName.parse(message.file().getFileName().toString());
		MessageFileName wanted = current.withSeen(seen);
		Path target = directory.resolve(CUR).resolve(wanted.toString());
		if (!target.equals(message.file())) {
			Map<String, FolderIndex.Stamp> before = index.before(subdirectory(message.file()), CUR);
			DurableFiles.moveAtomically(message.file(), target);
			index.changed(before, id, target);
		}
		return get(id);
	}

	/**
	 * Removes files in {@code tmp/} last changed before the cutoff: deliveries a crash cut
	 * short. {@code cur/} and {@code new/} are never touched.
	 *
	 * @return how many files were removed
	 */
	int removeStaleTmpFiles(Instant cutoff) throws IOException {
		int removed = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.resolve(TMP))) {
			for (Path file : files) {
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
					Files.deleteIfExists(file);
					removed++;
				}
			}
		}
		return removed;
	}

	private static String subdirectory(MessageFileName fileName) {
		return fileName.info() == null ? NEW : CUR;
	}

	private static String subdirectory(Path file) {
		return file.getParent().getFileName().toString();
	}

	/** @param file a file in new/ or cur/ whose name this store can address */
	private Optional<StoredMessage> stored(Path file) throws IOException {
		return stored(file, MessageFileName.parse(file.getFileName().toString()));
	}

	private Optional<StoredMessage> stored(Path file, MessageFileName fileName) throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			return Optional.of(new StoredMessage(name, fileName.id(), fileName.flags(), file, attributes.size(),
					attributes.lastModifiedTime().toInstant()));
		} catch (NoSuchFileException e) {
			return Optional.empty(); // absent, or moved by another client between listing and reading
		}
	}

	@Override
	public String toString() {
		return "folder '" + name + "' at " + directory;
	}
}

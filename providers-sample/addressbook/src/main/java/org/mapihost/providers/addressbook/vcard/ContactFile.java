package org.mapihost.providers.addressbook.vcard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The contacts of one vCard file ({@code .vcf}, one or many cards, UTF-8), read again when the
 * file changes. Each access compares the file's last-modified time, size and file key with
 * those of the last read, a single {@code stat}; a change is read at once. A file that cannot
 * be read at all (missing, unreadable, larger than {@code maxBytes}, more than
 * {@code maxCards} cards, not vCard, no card loads) leaves the previous contacts in place and
 * is reported in {@link ContactSnapshot#refusal()}; it is tried again when it changes.
 * Malformed cards are reported one by one in {@link ContactSnapshot#problems()}.
 * <p>
 * {@code this} guards {@code snapshot} and {@code lastSeen}; the file is read under it.
 */
public final class ContactFile {
	public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
	public static final int DEFAULT_MAX_CARDS = 10_000;

	private final Path path;
	private final int maxBytes;
	private final int maxCards;
	private ContactSnapshot snapshot = ContactSnapshot.EMPTY;
	private FileStamp lastSeen;

	public ContactFile(Path path) {
		this(path, DEFAULT_MAX_BYTES, DEFAULT_MAX_CARDS);
	}

	public ContactFile(Path path, int maxBytes, int maxCards) {
		this.path = Objects.requireNonNull(path, "path");
		if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + maxBytes);
		}
		if (maxCards <= 0) {
			throw new IllegalArgumentException("maxCards must be at least 1, got " + maxCards);
		}
		this.maxBytes = maxBytes;
		this.maxCards = maxCards;
	}

	public Path path() {
		return path;
	}

	/** The contacts, read again first if the file changed since the last look. */
	public synchronized ContactSnapshot contacts() {
		FileStamp now = FileStamp.of(path);
		if (!now.equals(lastSeen)) {
			load(now);
		}
		return snapshot;
	}

	/** Reads the file now, changed or not. */
	public synchronized ContactSnapshot reload() {
		load(FileStamp.of(path));
		return snapshot;
	}

	private void load(FileStamp stamp) {
		lastSeen = stamp;
		try {
			snapshot = CardLoader.load(read(stamp), maxCards, snapshot.generation() + 1);
		} catch (RefusedFileException e) {
			snapshot = snapshot.refused("vCard file " + path + " not used, " + snapshot.contacts().size()
					+ " contact(s) of the last good read kept: " + e.getMessage());
		}
	}

	private byte[] read(FileStamp stamp) throws RefusedFileException {
		if (stamp.problem() != null) {
			throw new RefusedFileException(stamp.problem());
		}
		if (stamp.size() > maxBytes) {
			throw new RefusedFileException("it has " + stamp.size() + " bytes, more than the limit of " + maxBytes);
		}
		try (InputStream in = Files.newInputStream(path)) {
			byte[] content = in.readNBytes(maxBytes + 1);
			if (content.length > maxBytes) {
				throw new RefusedFileException("it grew past the limit of " + maxBytes + " bytes while being read");
			}
			return content;
		} catch (IOException e) {
			throw new RefusedFileException("it cannot be read: " + e, e);
		}
	}

	/** What a cheap look at the file tells; equal stamps mean the file is taken as unchanged. */
	private record FileStamp(FileTime modified, long size, Object fileKey, String problem) {
		static FileStamp of(Path path) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
				if (!attributes.isRegularFile()) {
					return new FileStamp(attributes.lastModifiedTime(), -1, attributes.fileKey(), "it is not a regular file");
				}
				return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey(), null);
			} catch (NoSuchFileException e) {
				return new FileStamp(null, -1, null, "it does not exist");
			} catch (IOException e) {
				return new FileStamp(null, -1, null, "its attributes cannot be read: " + e);
			}
		}
	}
}

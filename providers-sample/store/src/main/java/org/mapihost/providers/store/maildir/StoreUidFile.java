package org.mapihost.providers.store.maildir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;

/**
 * The store's MAPIUID, kept in the file {@value #FILE_NAME} in the Maildir root so that entry
 * IDs stay valid across restarts. It is made once, at the first logon: written to a temporary
 * file, synced, then hard-linked into place, which fails if the name exists, so that two logons
 * racing on a new store agree on one UID. Maildir readers ignore plain files in the root
 * (Dovecot and Courier keep their own there). Stateless.
 */
public final class StoreUidFile {
	/** The file's name in the Maildir root. */
	public static final String FILE_NAME = "mapihost-store-uid";

	private static final int MAX_SIZE = 64;

	private StoreUidFile() {
	}

	/**
	 * @param root   the Maildir root, which exists
	 * @param newUid makes the UID when the store has none yet
	 * @return the store's UID
	 * @throws MapiException {@link ResultCode#MAPI_E_CORRUPT_STORE} when the file is not a UID
	 */
	public static MapiUid loadOrCreate(Path root, Supplier<MapiUid> newUid) throws IOException {
		Path file = root.resolve(FILE_NAME);
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			create(file, newUid.get());
		}
		return read(file);
	}

	private static void create(Path file, MapiUid uid) throws IOException {
		Path tmp = file.resolveSibling(FILE_NAME + ".tmp-" + UniqueNames.next().name());
		try {
			try (FileChannel channel = DurableFiles.createPrivateFile(tmp)) {
				channel.write(ByteBuffer.wrap((uid + "\n").getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			link(tmp, file);
		} finally {
			Files.deleteIfExists(tmp);
		}
		DurableFiles.fsyncDirectory(file.getParent());
	}

	private static void link(Path tmp, Path file) throws IOException {
		try {
			Files.createLink(file, tmp);
		} catch (FileAlreadyExistsException e) {
			// another logon made it first: its UID wins
		} catch (UnsupportedOperationException | FileSystemException e) {
			// no hard links on this file system: a rename that refuses to replace
			try {
				DurableFiles.moveAtomically(tmp, file);
			} catch (FileAlreadyExistsException raced) {
				// another logon made it first
			}
		}
	}

	private static MapiUid read(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!attributes.isRegularFile() || attributes.size() > MAX_SIZE) {
			throw corrupt(file, "it is not a small regular file");
		}
		String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
		try {
			return MapiUid.parse(text);
		} catch (MapiException e) {
			throw corrupt(file, e.sentence());
		}
	}

	private static MapiException corrupt(Path file, String why) {
		return new MapiException(ResultCode.MAPI_E_CORRUPT_STORE, "the store's UID file " + file + " is damaged: " + why);
	}
}

package org.mapihost.providers.store.maildir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Delivers a message into a folder the way the Maildir spec asks, so that no reader ever sees
 * a half-written message and a crash at any moment leaves either the whole message in
 * {@code new/} or a stray file in {@code tmp/} that {@link Maildir#recover} removes later.
 * Stateless; safe to use from several threads and processes at once.
 */
final class Delivery {
	private Delivery() {
	}

	static MessageId deliver(Path folderDirectory, MessageSource source) throws IOException {
		Path written = writeToTmp(folderDirectory, source);
		try {
			return publish(folderDirectory, written);
		} catch (IOException | RuntimeException e) {
			deleteAfterFailure(written, e);
			throw e;
		}
	}

	/**
	 * Like {@link #deliver(Path, MessageSource)}, but under a name the caller chose and with
	 * the file's modification time set (Maildir readers such as Dovecot take it as the
	 * received date).
	 *
	 * @param target the file name in {@code new/} (no info) or {@code cur/} (with info)
	 * @throws java.nio.file.FileAlreadyExistsException when that file exists
	 */
	static Path deliver(Path folderDirectory, MessageFileName target, Instant modified, MessageSource source)
			throws IOException {
		Path written = writeToTmp(folderDirectory, source, modified);
		try {
			Path file = folderDirectory.resolve(target.info() == null ? MaildirFolder.NEW : MaildirFolder.CUR)
					.resolve(target.toString());
			DurableFiles.moveAtomically(written, file);
			return file;
		} catch (IOException | RuntimeException e) {
			deleteAfterFailure(written, e);
			throw e;
		}
	}

	/**
	 * Step one: the whole message in {@code tmp/<unique>}, forced to disk. A crash after this
	 * step leaves only that file.
	 */
	static Path writeToTmp(Path folderDirectory, MessageSource source) throws IOException {
		return writeToTmp(folderDirectory, source, null);
	}

	private static Path writeToTmp(Path folderDirectory, MessageSource source, Instant modified) throws IOException {
		Path file = folderDirectory.resolve(MaildirFolder.TMP).resolve(UniqueNames.next().name());
		FileChannel channel = DurableFiles.createPrivateFile(file);
		try (channel) {
			OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
			source.writeTo(out);
			out.flush();
			if (modified != null) {
				Files.setLastModifiedTime(file, FileTime.from(modified));
			}
			// data and metadata on disk before the rename publishes the name
			channel.force(true);
		} catch (IOException | RuntimeException e) {
			deleteAfterFailure(file, e);
			throw e;
		}
		return file;
	}

	/**
	 * Step two: rename {@code tmp/<unique>} to {@code new/<unique>} and sync {@code new/}.
	 */
	static MessageId publish(Path folderDirectory, Path written) throws IOException {
		MessageId id = MessageId.of(written.getFileName().toString());
		DurableFiles.moveAtomically(written, folderDirectory.resolve(MaildirFolder.NEW).resolve(id.name()));
		return id;
	}

	private static void deleteAfterFailure(Path file, Exception failure) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			failure.addSuppressed(e);
		}
	}
}

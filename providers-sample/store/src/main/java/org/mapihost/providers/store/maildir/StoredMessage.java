package org.mapihost.providers.store.maildir;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A message file as found in a folder at one moment. Immutable; the file itself may be moved
 * or deleted by another Maildir client at any time.
 *
 * @param folder   the folder it was found in
 * @param id       its unique name
 * @param flags    its Maildir flag letters in ASCII order; empty in {@code new/}
 * @param file     where it was
 * @param size     its size in bytes
 * @param modified when the file was last changed: its delivery time unless a client edited it
 */
public record StoredMessage(FolderName folder, MessageId id, String flags, Path file, long size, Instant modified) {
	/**
	 * @return {@code true} when the read flag ({@code S}) is set
	 */
	public boolean seen() {
		return flags.indexOf(MessageFileName.SEEN) >= 0;
	}

	/**
	 * @return {@code true} when the draft flag ({@code D}) is set
	 */
	public boolean draft() {
		return flags.indexOf(MessageFileName.DRAFT) >= 0;
	}

	/**
	 * @return {@code true} while the message is in {@code new/}, not yet seen by any client
	 */
	public boolean isNew() {
		return file.getParent().getFileName().toString().equals(MaildirFolder.NEW);
	}
}

package org.mapihost.providers.store.maildir;

import java.util.Objects;
import java.util.Optional;

/**
 * What a store entry ID names: a folder, or a message in a folder. Immutable.
 *
 * @param folder  the folder
 * @param message the message in it, or empty when the entry ID names the folder itself
 */
public record StoreEntry(FolderName folder, Optional<MessageId> message) {
	public StoreEntry {
		Objects.requireNonNull(folder, "folder");
		Objects.requireNonNull(message, "message");
	}

	public static StoreEntry folder(FolderName folder) {
		return new StoreEntry(folder, Optional.empty());
	}

	public static StoreEntry message(FolderName folder, MessageId message) {
		return new StoreEntry(folder, Optional.of(message));
	}
}

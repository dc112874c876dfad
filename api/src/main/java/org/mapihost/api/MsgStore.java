package org.mapihost.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * {@code IMsgStore} as a client holds it: a runtime handle around the provider's store.
 * The provider's store is released, and the store logon shut down, when the last
 * reference goes.
 *
 * @since 1.0
 */
@ProviderType
public interface MsgStore extends MapiHandle {
	/**
	 * @return the store's name in the profile
	 */
	String name();

	/**
	 * {@code IMsgStore::StoreLogoff}: tells the store how to log off when its last
	 * reference goes; the store passes it on with {@code StoreLogoffTransports}.
	 *
	 * @param flag exactly one input flag of {@link StoreLogoffFlag} ({@code LOGOFF_NO_WAIT},
	 *             {@code LOGOFF_ORDERLY}, {@code LOGOFF_PURGE}, {@code LOGOFF_ABORT},
	 *             {@code LOGOFF_QUIET})
	 * @return output bits of {@link StoreLogoffFlag} ({@code LOGOFF_COMPLETE}, or the
	 *         traffic that kept the store open)
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} for bits that are not
	 *                       input flags; {@link ResultCode#MAPI_E_INVALID_PARAMETER} for
	 *                       none or several flags
	 */
	int storeLogoff(int flag);

	/**
	 * {@code IMsgStore::OpenEntry}: opens an object of this store.
	 *
	 * @param entryId the entry ID, or {@code null} for the store's root object
	 * @param flags   0, or {@code MAPI_MODIFY} (0x1) / {@code MAPI_BEST_ACCESS} (0x10)
	 * @return the object, with one reference for the caller; it keeps the store alive
	 */
	MapiEntry openEntry(EntryId entryId, int flags);
	/**
	 * The hierarchy table: every folder of the store.
	 *
	 * @return the folders, standard folders first
	 */
	List<FolderRow> folders();

	/**
	 * The entry ID of a folder by display name, such as {@code Inbox}.
	 *
	 * @param name the folder's display name
	 * @return its entry ID
	 * @throws MapiException {@link ResultCode#MAPI_E_NOT_FOUND} when there is no such folder
	 */
	EntryId folder(String name);

	/**
	 * {@code IMAPIFolder::CreateFolder} under the root.
	 *
	 * @param name the display name
	 * @return the new folder's entry ID
	 * @throws MapiException {@link ResultCode#MAPI_E_COLLISION} when it exists,
	 *                       {@link ResultCode#MAPI_E_INVALID_PARAMETER} for a name the store
	 *                       cannot keep
	 */
	EntryId createFolder(String name);

	/**
	 * {@code IMAPIFolder::DeleteFolder} with its messages; standard folders cannot be deleted.
	 *
	 * @param folder the folder's entry ID
	 */
	void deleteFolder(EntryId folder);

	/**
	 * A folder's contents table.
	 *
	 * @param folder the folder's entry ID
	 * @return its messages, oldest first
	 */
	List<MessageRow> contents(EntryId folder);

	/**
	 * {@code IMAPIFolder::CreateMessage}, {@code SetProps}, {@code ModifyRecipients} and
	 * {@code SaveChanges} in one: saves a message in a folder.
	 *
	 * @param folder  the folder's entry ID
	 * @param message the message
	 * @return the new message's entry ID
	 */
	EntryId saveMessage(EntryId folder, Message message);

	/**
	 * Reads a message's properties.
	 *
	 * @param message the message's entry ID
	 * @return its properties
	 */
	Message readMessage(EntryId message);

	/**
	 * {@code IMessage::SetReadFlag}.
	 *
	 * @param message the message's entry ID
	 * @param read    the new read flag
	 */
	void setReadFlag(EntryId message, boolean read);

	/**
	 * {@code IMAPIFolder::CopyMessages} with {@code MESSAGE_MOVE}.
	 *
	 * @param message the message's entry ID
	 * @param folder  the target folder's entry ID
	 * @return the message's entry ID in the target folder
	 */
	EntryId moveMessage(EntryId message, EntryId folder);

	/**
	 * {@code IMAPIFolder::DeleteMessages}.
	 *
	 * @param message the message's entry ID
	 */
	void deleteMessage(EntryId message);

	/**
	 * {@code IMessage::SubmitMessage}: moves the message to the Outbox, stamps its submit time,
	 * and hands it to the spooler, which sends it through the transports and moves it to Sent
	 * Items once they have accepted it.
	 *
	 * @param message the message's entry ID
	 * @return the message's entry ID in the Outbox
	 * @throws MapiException {@link ResultCode#MAPI_E_NO_RECIPIENTS} for a message without
	 *                       recipients
	 */
	EntryId submitMessage(EntryId message);
}

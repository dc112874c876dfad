package org.mapihost.api.provider;

import java.util.List;

import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.MapiException;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.ResultCode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IMsgStore} as a provider implements it. Clients never see this object: they hold
 * a runtime handle, and the runtime calls {@link #release()} once, when the last client
 * reference goes. Rules the store must keep (the kit's
 * {@link org.mapihost.api.kit.MessageStoreBase} keeps them):
 * {@code StoreLogoffTransports} completes exactly once per store shutdown — from
 * {@link #storeLogoff(int)}, or from {@link #release()} with {@code LOGOFF_ABORT} when it was
 * never called — and the support object is released last.
 *
 * @since 1.0
 */
@ConsumerType
public interface MessageStore {
	/**
	 * {@code IMsgStore::StoreLogoff}; the runtime has checked that {@code flag} is exactly
	 * one input flag.
	 *
	 * @param flag one input flag of {@link org.mapihost.api.StoreLogoffFlag}
	 * @return output bits of {@link org.mapihost.api.StoreLogoffFlag}
	 */
	int storeLogoff(int flag);

	/**
	 * {@code IMsgStore::OpenEntry}.
	 *
	 * @param entryId the entry ID, with one of this store's MAPIUIDs
	 * @param flags   access flags
	 * @return the object
	 * @throws org.mapihost.api.MapiException {@code MAPI_E_INVALID_ENTRYID},
	 *                                        {@code MAPI_E_NOT_FOUND}, …
	 */
	PropObject openEntry(EntryId entryId, int flags);

	/**
	 * {@code IMsgStore::Release} of the last reference: shut the store down.
	 */
	void release();
	/**
	 * The hierarchy table.
	 *
	 * @return every folder, standard folders first
	 */
	default List<FolderRow> folders() {
		throw noSupport("folders");
	}

	/**
	 * A folder's entry ID by display name.
	 *
	 * @param name the display name
	 * @return the entry ID
	 * @throws MapiException {@code MAPI_E_NOT_FOUND}
	 */
	default EntryId folder(String name) {
		throw noSupport("folder");
	}

	/**
	 * {@code IMAPIFolder::CreateFolder}.
	 *
	 * @param name the display name
	 * @return the new folder's entry ID
	 * @throws MapiException {@code MAPI_E_COLLISION}, {@code MAPI_E_INVALID_PARAMETER}
	 */
	default EntryId createFolder(String name) {
		throw noSupport("createFolder");
	}

	/**
	 * {@code IMAPIFolder::DeleteFolder}, with its messages.
	 *
	 * @param folder the folder's entry ID
	 */
	default void deleteFolder(EntryId folder) {
		throw noSupport("deleteFolder");
	}

	/**
	 * A folder's contents table.
	 *
	 * @param folder the folder's entry ID
	 * @return its messages, oldest first
	 */
	default List<MessageRow> contents(EntryId folder) {
		throw noSupport("contents");
	}

	/**
	 * Saves a new message in a folder.
	 *
	 * @param folder  the folder's entry ID
	 * @param message the message
	 * @return its entry ID
	 */
	default EntryId saveMessage(EntryId folder, Message message) {
		throw noSupport("saveMessage");
	}

	/**
	 * Reads a message.
	 *
	 * @param message the message's entry ID
	 * @return its properties
	 */
	default Message readMessage(EntryId message) {
		throw noSupport("readMessage");
	}

	/**
	 * {@code IMessage::SetReadFlag}.
	 *
	 * @param message the message's entry ID
	 * @param read    the flag
	 */
	default void setReadFlag(EntryId message, boolean read) {
		throw noSupport("setReadFlag");
	}

	/**
	 * Moves a message to another folder.
	 *
	 * @param message the message's entry ID
	 * @param folder  the target folder's entry ID
	 * @return the message's new entry ID
	 */
	default EntryId moveMessage(EntryId message, EntryId folder) {
		throw noSupport("moveMessage");
	}

	/**
	 * Deletes a message.
	 *
	 * @param message the message's entry ID
	 */
	default void deleteMessage(EntryId message) {
		throw noSupport("deleteMessage");
	}

	/**
	 * {@code IMessage::SubmitMessage}: moves the message to the Outbox, gives it a
	 * {@code Message-ID}, a submit time and, if it has none, the store owner as sender. The
	 * runtime then tells the spooler.
	 *
	 * @param message the message's entry ID
	 * @return its entry ID in the Outbox
	 * @throws MapiException {@code MAPI_E_NO_RECIPIENTS}
	 */
	default EntryId submitMessage(EntryId message) {
		throw noSupport("submitMessage");
	}

	/**
	 * {@code IMsgStore::GetOutgoingQueue}: the submitted messages waiting in the Outbox, oldest
	 * first. After a restart this is how the spooler finds what it has not finished. The runtime
	 * also calls it from inside {@code StoreLogoffTransports}, on the thread of
	 * {@link #storeLogoff(int)}, to report {@code LOGOFF_OUTBOUND_QUEUE}: hold no lock of the
	 * store across that call.
	 *
	 * @return their entry IDs
	 */
	default List<EntryId> outgoingQueue() {
		return List.of();
	}

	/**
	 * A submitted message as transports take it.
	 *
	 * @param message the entry ID from {@link #outgoingQueue()}
	 * @return envelope and bytes
	 * @throws MapiException {@code MAPI_E_NOT_FOUND} when it is no longer in the Outbox
	 */
	default OutboundMessage outgoingMessage(EntryId message) {
		throw noSupport("outgoingMessage");
	}

	/**
	 * {@code IMsgStore::FinishedMsg}: every transport has accepted the message; move it from the
	 * Outbox to Sent Items in one atomic step. A message no longer in the Outbox is not an
	 * error (it was finished before a restart).
	 *
	 * @param message the entry ID from {@link #outgoingQueue()}
	 */
	default void finishedMessage(EntryId message) {
		throw noSupport("finishedMessage");
	}

	/**
	 * Delivers a received message into the receive folder (Inbox). Idempotent: a second
	 * delivery with the same ID returns the first one's entry ID and stores nothing.
	 *
	 * @param deliveryId the transport's stable name for the delivery
	 * @param content    the RFC 5322 message
	 * @return the delivered message's entry ID
	 */
	default EntryId deliver(String deliveryId, byte[] content) {
		throw noSupport("deliver");
	}

	private static MapiException noSupport(String call) {
		return new MapiException(ResultCode.MAPI_E_NO_SUPPORT, "this store keeps no messages (" + call + ")");
	}
}

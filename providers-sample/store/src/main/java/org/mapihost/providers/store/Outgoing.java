package org.mapihost.providers.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.Message;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.providers.store.maildir.FolderName;
import org.mapihost.providers.store.maildir.LineEnds;
import org.mapihost.providers.store.maildir.MaildirFolder;
import org.mapihost.providers.store.maildir.MessageContent;
import org.mapihost.providers.store.maildir.MessageId;
import org.mapihost.providers.store.maildir.ReceivedHeader;
import org.mapihost.providers.store.maildir.StoreEntry;
import org.mapihost.providers.store.maildir.StoredMessage;

/**
 * The store's side of sending and receiving: submit into the Outbox, the outgoing queue, the
 * move to Sent Items, and idempotent delivery into the Inbox. Every step is one lock of the
 * root ({@link StoreAccess#locked}) and, on disk, one atomic rename or a write to {@code tmp/}
 * followed by one; the class itself holds no state.
 */
final class Outgoing {
	private static final String SAFE_DELIVERY_ID = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}";

	private final StoreAccess access;
	private final Recipient identity;

	Outgoing(StoreAccess access, Recipient identity) {
		this.access = access;
		this.identity = identity;
	}

	/**
	 * Writes the submitted form (new Message-ID, submit time, sender) into the Outbox, then
	 * removes the draft. A crash in between leaves the draft as well, never a message sent twice.
	 */
	EntryId submit(EntryId entryId) {
		return access.locked("SubmitMessage", () -> {
			StoreAccess.Located draft = access.message(entryId);
			StoredMessage stored = draft.folder().get(draft.id());
			boolean queued = draft.folder().name().equals(FolderName.OUTBOX) && !stored.draft();
			if (queued) {
				return entryId;
			}
			Message message = MessageMapping.toMessage(draft.folder().read(draft.id()), stored);
			if (message.recipients().isEmpty()) {
				throw new MapiException(ResultCode.MAPI_E_NO_RECIPIENTS, "the message " + entryId + " has no recipients");
			}
			Instant now = access.nextFileTime();
			Message submitted = new Message(message.subject(), message.sender() == null ? identity : message.sender(),
					message.recipients(), message.body(), now, null, true);
			MaildirFolder outbox = access.maildir.folder(FolderName.OUTBOX);
			StoredMessage written = outbox.write(null, MessageMapping.flags(submitted), now,
					MessageMapping.toFile(submitted, submitted.sender(), null));
			draft.folder().delete(draft.id());
			access.log.debug("Store '{}': submitted {} as {}", access.storeName, draft.id(), written.id());
			return access.id(FolderName.OUTBOX, written.id());
		});
	}

	List<EntryId> queue() {
		return access.locked("GetOutgoingQueue", () -> access.sorted(access.maildir.folder(FolderName.OUTBOX)).stream()
				.filter(message -> !message.draft()).map(message -> access.id(FolderName.OUTBOX, message.id())).toList());
	}

	OutboundMessage outgoing(EntryId entryId) {
		MessageId id = inOutbox(entryId).orElseThrow(() -> new MapiException(ResultCode.MAPI_E_NOT_FOUND,
				"the message " + entryId + " is not in the Outbox"));
		return access.locked("OutgoingMessage", () -> {
			MaildirFolder outbox = access.maildir.folder(FolderName.OUTBOX);
			byte[] bytes = outbox.readBytes(id);
			MessageContent content;
			try {
				content = outbox.read(id);
			} catch (RuntimeException e) {
				throw new MapiException(ResultCode.MAPI_E_CORRUPT_STORE, "the Outbox message " + id + " cannot be read: " + e, e);
			}
			Recipient sender = content.from().stream().map(Addresses::fromMail).flatMap(Optional::stream).findFirst()
					.orElse(identity);
			String messageId = content.messageId().map(text -> text.replaceAll("^<|>$", ""))
					.filter(text -> !text.isBlank()).orElse(id.name() + "@mapihost");
			return new OutboundMessage(entryId, messageId, sender, MessageMapping.recipients(content), LineEnds.toCrlf(bytes));
		});
	}

	/** One rename from Outbox to Sent Items; nothing when the message left the Outbox already. */
	void finished(EntryId entryId) {
		Optional<MessageId> id = inOutbox(entryId);
		if (id.isEmpty()) {
			access.log.warn("Store '{}': FinishedMsg for {}, which does not name an Outbox message; ignored", access.storeName, entryId);
			return;
		}
		access.locked("FinishedMsg", () -> {
			MaildirFolder outbox = access.maildir.folder(FolderName.OUTBOX);
			if (outbox.find(id.get()).isEmpty()) {
				access.log.debug("Store '{}': {} is no longer in the Outbox; finished before", access.storeName, id.get());
				return null;
			}
			MaildirFolder sent = access.maildir.folder(FolderName.SENT_ITEMS);
			if (sent.find(id.get()).isPresent()) {
				access.log.warn("Store '{}': {} is in both Outbox and Sent Items; the Outbox copy is removed", access.storeName, id.get());
				outbox.delete(id.get());
			} else {
				outbox.moveTo(id.get(), sent);
			}
			return null;
		});
	}

	/** Idempotent: the file's unique name comes from the delivery ID. */
	EntryId deliver(String deliveryId, byte[] content) {
		if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 1000) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "a delivery ID has 1 to 1000 characters, got "
					+ (deliveryId == null ? "none" : deliveryId.length()));
		}
		if (content == null) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "no message to deliver for " + deliveryId);
		}
		MessageId id = deliveryName(deliveryId);
		return access.locked("Deliver", () -> {
			MaildirFolder inbox = access.maildir.folder(FolderName.INBOX);
			if (inbox.find(id).isEmpty()) {
				Instant now = access.nextFileTime();
				inbox.write(id, null, now, ReceivedHeader.prepend(now, content));
			} else {
				access.log.debug("Store '{}': delivery {} is in the Inbox already", access.storeName, id);
			}
			return access.id(FolderName.INBOX, id);
		});
	}

	/**
	 * @return {@code dlv-<id>} for IDs that are safe as file names, else {@code dlvh-} and the
	 *         SHA-256 of the ID; the two forms never meet
	 */
	static MessageId deliveryName(String deliveryId) {
		if (deliveryId.matches(SAFE_DELIVERY_ID)) {
			return MessageId.of("dlv-" + deliveryId);
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
			return MessageId.of("dlvh-" + HexFormat.of().formatHex(hash));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	private Optional<MessageId> inOutbox(EntryId entryId) {
		StoreEntry entry = access.parseMessage(entryId);
		return entry.folder().equals(FolderName.OUTBOX) ? entry.message() : Optional.empty();
	}
}

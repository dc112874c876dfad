package org.mapihost.providers.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.mapihost.api.EntryId;
import org.mapihost.api.FolderRow;
import org.mapihost.api.Message;
import org.mapihost.api.Recipient;

/**
 * The MAPI properties of the store's objects, keyed by MAPI name; absent values are left out.
 * Stateless.
 */
final class Properties {
	/** {@code PR_FOLDER_TYPE}: {@code FOLDER_ROOT}. */
	static final int FOLDER_ROOT = 0;
	/** {@code PR_FOLDER_TYPE}: {@code FOLDER_GENERIC}. */
	static final int FOLDER_GENERIC = 1;
	/** {@code PR_MESSAGE_FLAGS} bits. */
	static final int MSGFLAG_READ = 0x1;
	static final int MSGFLAG_SUBMIT = 0x4;
	static final int MSGFLAG_UNSENT = 0x8;

	private Properties() {
	}

	/**
	 * @param standardFolders the standard folders' entry IDs by their store property
	 *                        ({@code PR_IPM_OUTBOX_ENTRYID}, …)
	 */
	static Map<String, Object> root(EntryId root, String displayName, Map<String, EntryId> standardFolders) {
		Map<String, Object> properties = common(root, StoreObject.MAPI_FOLDER);
		properties.put("PR_DISPLAY_NAME", displayName);
		properties.put("PR_FOLDER_TYPE", FOLDER_ROOT);
		properties.put("PR_SUBFOLDERS", true);
		properties.putAll(standardFolders);
		return properties;
	}

	static Map<String, Object> folder(FolderRow row, EntryId root) {
		Map<String, Object> properties = common(row.entryId(), StoreObject.MAPI_FOLDER);
		properties.put("PR_DISPLAY_NAME", row.name());
		properties.put("PR_PARENT_ENTRYID", root);
		properties.put("PR_FOLDER_TYPE", FOLDER_GENERIC);
		properties.put("PR_CONTENT_COUNT", row.messages());
		properties.put("PR_CONTENT_UNREAD", row.unread());
		properties.put("PR_SUBFOLDERS", false);
		return properties;
	}

	static Map<String, Object> message(EntryId message, EntryId folder, Message content, boolean inOutbox, long size) {
		Map<String, Object> properties = common(message, StoreObject.MAPI_MESSAGE);
		properties.put("PR_PARENT_ENTRYID", folder);
		properties.put("PR_SUBJECT", content.subject());
		Recipient sender = content.sender();
		if (sender != null) {
			properties.put("PR_SENDER_NAME", sender.displayName());
			properties.put("PR_SENDER_ADDRTYPE", sender.addressType());
			properties.put("PR_SENDER_EMAIL_ADDRESS", sender.address());
		}
		properties.put("PR_DISPLAY_TO", content.recipients().stream().map(Recipient::displayName)
				.collect(Collectors.joining("; ")));
		properties.put("PR_BODY", content.body());
		putIfPresent(properties, "PR_CLIENT_SUBMIT_TIME", content.submitTime());
		putIfPresent(properties, "PR_MESSAGE_DELIVERY_TIME", content.deliveryTime());
		properties.put("PR_MESSAGE_FLAGS", flags(content, inOutbox));
		properties.put("PR_MESSAGE_SIZE", (int) Math.min(Integer.MAX_VALUE, size));
		return properties;
	}

	static int flags(Message content, boolean inOutbox) {
		int flags = content.read() ? MSGFLAG_READ : 0;
		if (content.submitTime() == null) {
			flags |= MSGFLAG_UNSENT;
		} else if (inOutbox) {
			flags |= MSGFLAG_SUBMIT | MSGFLAG_UNSENT;
		}
		return flags;
	}

	private static Map<String, Object> common(EntryId entryId, int objectType) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("PR_ENTRYID", entryId);
		properties.put("PR_OBJECT_TYPE", objectType);
		return properties;
	}

	private static void putIfPresent(Map<String, Object> properties, String name, Object value) {
		if (value != null) {
			properties.put(name, value);
		}
	}
}

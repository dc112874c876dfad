package org.mapihost.providers.memstore;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.kit.MessageStoreBase;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;

/**
 * One logon's store: the store object and its four folders, made at logon and never
 * changed, so no lock beyond the base class's. {@code openEntry(null)} opens the store
 * object, whose properties carry the folders' entry IDs.
 */
final class MemStore extends MessageStoreBase {
	static final String DISPLAY_SETTING = "display";

	private final MapiUid uid;
	private final String displayName;
	private final Map<ProviderData, MemObject> objects;

	private MemStore(ProviderSupport support, MapiUid uid, String displayName) {
		super(support);
		this.uid = uid;
		this.displayName = displayName;
		this.objects = Folder.objects(uid, displayName);
	}

	/**
	 * {@code IMSProvider::Logon}: registers a new MAPIUID and the store's status row.
	 */
	static MemStore logOn(ProviderSupport support, String providerDisplay) {
		ProfileSection section = support.openProfileSection();
		String displayName = section.setting(DISPLAY_SETTING, section.entryName());
		MapiUid uid = support.newUid();
		support.setProviderUid(uid, 0);
		support.modifyStatusRow(StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, displayName)
				.set(StatusColumn.PR_PROVIDER_DISPLAY, providerDisplay)
				.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, "Available")
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build(), 0);
		return new MemStore(support, uid, displayName);
	}

	@Override
	public PropObject openEntry(EntryId entryId, int flags) {
		if (isShutDown()) {
			throw new IllegalStateException("IMsgStore::OpenEntry on store '" + displayName + "', which was shut down");
		}
		ProviderData key = entryId == null ? ProviderData.STORE : key(entryId);
		MemObject object = objects.get(key);
		if (object == null) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "store '" + displayName + "' has no " + key + " (" + entryId + ")");
		}
		return object.copy();
	}

	private ProviderData key(EntryId entryId) {
		if (!uid.equals(entryId.uid())) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID,
					"entry ID " + entryId + " has MAPIUID " + entryId.uid() + ", not the one of store '" + displayName + "' (" + uid + ")");
		}
		return ProviderData.parse(entryId.providerData());
	}

	@Override
	protected void closeStore() {
		// Everything the store holds is on the heap and goes with it.
	}

	@Override
	public String toString() {
		return "MemStore[" + displayName + ", " + uid + "]";
	}

	/**
	 * The folders every store has, with the store property that holds each one's entry ID.
	 * MAPI has no store property for the Inbox (clients ask {@code GetReceiveFolder}, which the
	 * API lacks), hence {@code PR_IPM_INBOX_ENTRYID}.
	 */
	private enum Folder {
		INBOX("Inbox", "PR_IPM_INBOX_ENTRYID"),
		OUTBOX("Outbox", "PR_IPM_OUTBOX_ENTRYID"),
		SENT_ITEMS("Sent Items", "PR_IPM_SENTMAIL_ENTRYID"),
		DELETED_ITEMS("Deleted Items", "PR_IPM_WASTEBASKET_ENTRYID");

		private final String displayName;
		private final String storeProperty;

		Folder(String displayName, String storeProperty) {
			this.displayName = displayName;
			this.storeProperty = storeProperty;
		}

		ProviderData key() {
			return new ProviderData(ProviderData.MAPI_FOLDER, ordinal() + 1);
		}

		static Map<ProviderData, MemObject> objects(MapiUid uid, String storeName) {
			EntryId storeId = EntryId.of(uid, ProviderData.STORE.toBytes());
			Map<String, Object> storeProperties = new LinkedHashMap<>();
			storeProperties.put("PR_DISPLAY_NAME", storeName);
			storeProperties.put("PR_ENTRYID", storeId);
			Map<ProviderData, MemObject> objects = new LinkedHashMap<>();
			for (Folder folder : values()) {
				EntryId folderId = EntryId.of(uid, folder.key().toBytes());
				storeProperties.put(folder.storeProperty, folderId);
				objects.put(folder.key(), new MemObject(folderId, ProviderData.MAPI_FOLDER, MemObject.properties(
						"PR_DISPLAY_NAME", folder.displayName,
						"PR_ENTRYID", folderId,
						"PR_STORE_ENTRYID", storeId,
						"PR_FOLDER_TYPE", 1,
						"PR_CONTENT_COUNT", 0,
						"PR_CONTENT_UNREAD", 0,
						"PR_SUBFOLDERS", false)));
			}
			objects.put(ProviderData.STORE, new MemObject(storeId, ProviderData.MAPI_STORE, storeProperties));
			return Map.copyOf(objects);
		}
	}
}

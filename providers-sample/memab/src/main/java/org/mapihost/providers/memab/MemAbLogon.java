package org.mapihost.providers.memab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;

/**
 * One address-book logon. Like Microsoft's sample AB, {@code logoff} only marks it logged
 * off and {@code release} releases the support object, last. {@code this} guards
 * {@code state}; the support object is never called under it. {@code openEntry(null)} opens
 * the root container, whose {@code PR_CONTAINER_CONTENTS} lists the contacts' entry IDs.
 */
final class MemAbLogon implements AddressBookLogon {
	static final String CONTACTS_SETTING = "contacts";
	static final String DISPLAY_SETTING = "display";
	static final String DEFAULT_CONTACTS = "Alice <alice@example.org>; Bob <bob@example.org>";

	private enum State { OPEN, LOGGED_OFF, RELEASED }

	private final ProviderSupport support;
	private final MapiUid uid;
	private final String displayName;
	private final Map<ProviderData, MemObject> objects;
	private State state = State.OPEN;

	private MemAbLogon(ProviderSupport support, MapiUid uid, String displayName, List<Contact> contacts) {
		this.support = support;
		this.uid = uid;
		this.displayName = displayName;
		this.objects = objects(uid, displayName, contacts);
	}

	/**
	 * {@code IABProvider::Logon}: reads the contacts, then registers a new MAPIUID and the
	 * status row.
	 *
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} for a contact that does not parse
	 */
	static MemAbLogon logOn(ProviderSupport support, String providerDisplay) {
		ProfileSection section = support.openProfileSection();
		List<Contact> contacts = Contact.parseAll(section.setting(CONTACTS_SETTING, DEFAULT_CONTACTS));
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
		return new MemAbLogon(support, uid, displayName, contacts);
	}

	@Override
	public PropObject openEntry(EntryId entryId, int flags) {
		requireState(State.OPEN, "IABLogon::OpenEntry");
		ProviderData key = entryId == null ? ProviderData.ROOT : key(entryId);
		MemObject object = objects.get(key);
		if (object == null) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "address book '" + displayName + "' has no " + key + " (" + entryId + ")");
		}
		return object.copy();
	}

	private ProviderData key(EntryId entryId) {
		if (!uid.equals(entryId.uid())) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_ENTRYID, "entry ID " + entryId + " has MAPIUID " + entryId.uid()
					+ ", not the one of address book '" + displayName + "' (" + uid + ")");
		}
		return ProviderData.parse(entryId.providerData());
	}

	@Override
	public synchronized void logoff(int flags) {
		requireState(State.OPEN, "IABLogon::Logoff");
		state = State.LOGGED_OFF;
	}

	@Override
	public void release() {
		synchronized (this) {
			if (state == State.RELEASED) {
				throw new IllegalStateException("IABLogon::Release on address book '" + displayName + "', which was already released");
			}
			state = State.RELEASED;
		}
		support.release();
	}

	private synchronized void requireState(State expected, String call) {
		if (state != expected) {
			throw new IllegalStateException(call + " on address book '" + displayName + "', which is " + state);
		}
	}

	private static Map<ProviderData, MemObject> objects(MapiUid uid, String displayName, List<Contact> contacts) {
		Map<ProviderData, MemObject> objects = new LinkedHashMap<>();
		List<EntryId> contents = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			ProviderData key = new ProviderData(ProviderData.MAPI_MAILUSER, i + 1);
			EntryId id = EntryId.of(uid, key.toBytes());
			contents.add(id);
			objects.put(key, contacts.get(i).toMailUser(id));
		}
		EntryId rootId = EntryId.of(uid, ProviderData.ROOT.toBytes());
		objects.put(ProviderData.ROOT, new MemObject(rootId, ProviderData.MAPI_ABCONT, MemObject.properties(
				"PR_DISPLAY_NAME", displayName,
				"PR_ENTRYID", rootId,
				"PR_CONTAINER_CONTENTS", List.copyOf(contents))));
		return Map.copyOf(objects);
	}

	@Override
	public String toString() {
		return "MemAbLogon[" + displayName + ", " + uid + "]";
	}
}

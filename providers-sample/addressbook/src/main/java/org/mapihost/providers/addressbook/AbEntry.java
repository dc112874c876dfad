package org.mapihost.providers.addressbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiUid;
import org.mapihost.api.Recipient;
import org.mapihost.api.provider.PropObject;
import org.mapihost.providers.addressbook.vcard.Contact;
import org.mapihost.providers.addressbook.vcard.EmailAddress;
import org.mapihost.providers.addressbook.vcard.EntryIdCodec;
import org.mapihost.providers.addressbook.vcard.OneOffAddress;
import org.mapihost.providers.addressbook.vcard.RootContainer;

/**
 * An opened address-book object: the container, a contact or a one-off address as a mail
 * user. Immutable; each {@code openEntry} makes a new one, as the runtime releases each once.
 */
record AbEntry(EntryId entryId, int objectType, Map<String, Object> properties) implements PropObject {
	static final int MAPI_ABCONT = 4;
	static final int MAPI_MAILUSER = 6;
	/** {@code DT_MAILUSER}, the {@code PR_DISPLAY_TYPE} of a messaging user. */
	static final int DT_MAILUSER = 0;
	/** {@code DT_NOT_SPECIFIC}, the {@code PR_DISPLAY_TYPE} of a container of mixed entries. */
	static final int DT_NOT_SPECIFIC = 0x00000005;

	private static final int MAX_DISPLAY_NAME = 256;

	AbEntry {
		Objects.requireNonNull(entryId, "entryId");
		properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
	}

	static AbEntry container(MapiUid uid, String displayName, List<Contact> contacts) {
		EntryId entryId = EntryIdCodec.toEntryId(uid, RootContainer.INSTANCE);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("PR_ENTRYID", entryId);
		properties.put("PR_OBJECT_TYPE", MAPI_ABCONT);
		properties.put("PR_DISPLAY_TYPE", DT_NOT_SPECIFIC);
		properties.put("PR_DISPLAY_NAME", displayName);
		properties.put("PR_CONTENT_COUNT", contacts.size());
		properties.put("PR_CONTAINER_CONTENTS", contacts.stream().map(contact -> entryId(uid, contact)).toList());
		return new AbEntry(entryId, MAPI_ABCONT, properties);
	}

	/** A contact; one without any address has no {@code PR_ADDRTYPE}, {@code PR_EMAIL_ADDRESS} or {@code PR_SEARCH_KEY}. */
	static AbEntry mailUser(MapiUid uid, Contact contact) {
		Map<String, Object> properties = mailUserProperties(entryId(uid, contact), displayName(contact));
		contact.address().map(AbEntry::recipientOf).ifPresent(address -> addAddress(properties, address));
		contact.primaryEmail().map(EmailAddress::address).ifPresent(smtp -> properties.put("PR_SMTP_ADDRESS", smtp));
		return new AbEntry((EntryId) properties.get("PR_ENTRYID"), MAPI_MAILUSER, properties);
	}

	static AbEntry mailUser(MapiUid uid, OneOffAddress oneOff) {
		EntryId entryId = EntryIdCodec.toEntryId(uid, oneOff);
		Map<String, Object> properties = mailUserProperties(entryId, oneOff.address());
		addAddress(properties, recipientOf(oneOff));
		return new AbEntry(entryId, MAPI_MAILUSER, properties);
	}

	static EntryId entryId(MapiUid uid, Contact contact) {
		return EntryIdCodec.toEntryId(uid, contact.id());
	}

	/** The contact as a recipient; the name resolver offers only contacts that have an address. */
	static Recipient recipient(Contact contact) {
		OneOffAddress address = contact.address().orElseThrow(() -> new IllegalArgumentException(
				"contact '" + contact.displayName() + "' has no address and cannot be a recipient"));
		return new Recipient(displayName(contact), address.addressType(), address.address());
	}

	static Recipient recipientOf(OneOffAddress oneOff) {
		return new Recipient(oneOff.address(), oneOff.addressType(), oneOff.address());
	}

	private static Map<String, Object> mailUserProperties(EntryId entryId, String displayName) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("PR_ENTRYID", entryId);
		properties.put("PR_OBJECT_TYPE", MAPI_MAILUSER);
		properties.put("PR_DISPLAY_TYPE", DT_MAILUSER);
		properties.put("PR_DISPLAY_NAME", displayName);
		return properties;
	}

	private static void addAddress(Map<String, Object> properties, Recipient address) {
		properties.put("PR_ADDRTYPE", address.addressType());
		properties.put("PR_EMAIL_ADDRESS", address.address());
		properties.put("PR_SEARCH_KEY", address.searchKey());
	}

	private static String displayName(Contact contact) {
		String name = contact.displayName();
		return name.length() <= MAX_DISPLAY_NAME ? name : name.substring(0, MAX_DISPLAY_NAME - 3) + "...";
	}
}

package org.mapihost.providers.addressbook.vcard;

/**
 * The address book's one container ({@code MAPI_ABCONT}), which holds every contact of the
 * file; what {@code OpenEntry} without an entry ID opens.
 */
public enum RootContainer implements EntryTarget {
	INSTANCE
}

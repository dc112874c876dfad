package org.mapihost.providers.addressbook.vcard;

/**
 * What an address-book entry ID names: a contact of the file, by its stable id, a one-off
 * address that is in no file, or the address book's one container. {@link EntryIdCodec}
 * turns each into entry-ID bytes and back.
 */
public sealed interface EntryTarget permits ContactId, OneOffAddress, RootContainer {
}

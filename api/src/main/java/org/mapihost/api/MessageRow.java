package org.mapihost.api;

/**
 * A row of a folder's contents table: a message's entry ID and its properties.
 *
 * @param entryId the message's entry ID
 * @param message its properties
 * @since 1.0
 */
public record MessageRow(EntryId entryId, Message message) {
}

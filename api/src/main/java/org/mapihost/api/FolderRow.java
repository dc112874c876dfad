package org.mapihost.api;

/**
 * A row of a store's hierarchy table.
 *
 * @param entryId  the folder's entry ID
 * @param name     {@code PR_DISPLAY_NAME}, such as {@code Inbox}
 * @param messages {@code PR_CONTENT_COUNT}
 * @param unread   {@code PR_CONTENT_UNREAD}
 * @since 1.0
 */
public record FolderRow(EntryId entryId, String name, int messages, int unread) {
}

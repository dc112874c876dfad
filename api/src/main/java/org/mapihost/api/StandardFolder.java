package org.mapihost.api;

/**
 * The folders every message store with messages has, by their display names.
 *
 * @since 1.0
 */
public enum StandardFolder {
	/** The receive folder: the spooler delivers inbound messages here. */
	INBOX("Inbox"),
	/** Submitted messages wait here until a transport has accepted them. */
	OUTBOX("Outbox"),
	/** Sent messages end here. */
	SENT_ITEMS("Sent Items"),
	/** Deleted messages go here. */
	DELETED_ITEMS("Deleted Items");

	private final String displayName;

	StandardFolder(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * @return the folder's display name
	 */
	public String displayName() {
		return displayName;
	}
}

package org.mapihost.itests.lib;

import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;

/** The library's provider names and what its providers have in common. */
final class LibraryProviders {
	static final String STORE = "org.mapihost.itests.lib.store";
	static final String AB = "org.mapihost.itests.lib.ab";
	static final String XP = "org.mapihost.itests.lib.xp";

	static final String STORE_DISPLAY = "Library store";
	static final String AB_DISPLAY = "Library address book";
	static final String XP_DISPLAY = "Library transport";

	private LibraryProviders() {
	}

	/** A status row that says which version of the library serves the logon. */
	static StatusRow row(String entryName, String display) {
		return StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, entryName)
				.set(StatusColumn.PR_PROVIDER_DISPLAY, display + " " + Probe.VERSION)
				.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, "Available (version " + Probe.VERSION + ")")
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build();
	}
}

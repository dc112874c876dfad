package org.mapihost.providers.transport.peer;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.ProfileSection;

/**
 * The settings of a peer transport entry in a profile.
 *
 * @param mailbox           this logon's local mailbox
 * @param dropFolder        the folder every local mailbox lives in
 * @param localDomain       the mail domain whose SMTP addresses are local mailboxes, if any
 * @param keepDeliveredDays how long a delivered message is kept as a tombstone
 */
record PeerSettings(String mailbox, Path dropFolder, Optional<String> localDomain, int keepDeliveredDays) {
	static final String MAILBOX = "mailbox";
	static final String DROP_FOLDER = "dropFolder";
	static final String LOCAL_DOMAIN = "localDomain";
	static final String KEEP_DELIVERED_DAYS = "keepDeliveredDays";
	static final int DEFAULT_KEEP_DELIVERED_DAYS = 7;

	private static final String MAILBOX_NAME = "[a-z0-9_-][a-z0-9._-]{0,63}";
	private static final String DOMAIN_NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*";

	/**
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} naming the setting that is missing
	 *                       or bad
	 */
	static PeerSettings from(ProfileSection section) {
		String mailbox = required(section, MAILBOX);
		if (!isMailboxName(mailbox)) {
			throw unconfigured(section, MAILBOX, mailbox, "letters a-z, digits, '.', '_' and '-', not starting with '.'");
		}
		Path dropFolder;
		try {
			dropFolder = Path.of(required(section, DROP_FOLDER)).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw unconfigured(section, DROP_FOLDER, section.setting(DROP_FOLDER, ""), "a directory path");
		}
		Optional<String> localDomain = Optional.ofNullable(section.setting(LOCAL_DOMAIN, null)).map(String::strip)
				.filter(d -> !d.isEmpty()).map(d -> d.toLowerCase(Locale.ROOT));
		if (localDomain.isPresent() && !localDomain.get().matches(DOMAIN_NAME)) {
			throw unconfigured(section, LOCAL_DOMAIN, localDomain.get(), "a domain name such as example.org");
		}
		String keep = section.setting(KEEP_DELIVERED_DAYS, String.valueOf(DEFAULT_KEEP_DELIVERED_DAYS)).strip();
		int keepDays;
		try {
			keepDays = Integer.parseInt(keep);
		} catch (NumberFormatException e) {
			keepDays = -1;
		}
		if (keepDays < 0 || keepDays > 3650) {
			throw unconfigured(section, KEEP_DELIVERED_DAYS, keep, "a number of days from 0 to 3650");
		}
		return new PeerSettings(mailbox, dropFolder, localDomain, keepDays);
	}

	static boolean isMailboxName(String name) {
		return name != null && name.matches(MAILBOX_NAME);
	}

	private static String required(ProfileSection section, String key) {
		String value = section.setting(key, "").strip();
		if (value.isEmpty()) {
			throw new MapiException(ResultCode.MAPI_E_UNCONFIGURED,
					"profile entry '" + section.entryName() + "' has no '" + key + "' setting");
		}
		return value;
	}

	private static MapiException unconfigured(ProfileSection section, String key, String value, String expected) {
		return new MapiException(ResultCode.MAPI_E_UNCONFIGURED, "profile entry '" + section.entryName() + "': setting '" + key
				+ "' is '" + value + "', expected " + expected);
	}
}

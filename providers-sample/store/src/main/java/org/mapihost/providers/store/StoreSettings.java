package org.mapihost.providers.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.ProfileSection;

/**
 * A store's settings from its profile entry. Immutable.
 *
 * @param root        {@value #ROOT}: the Maildir directory, absolute
 * @param identity    {@value #IDENTITY_NAME} and {@value #IDENTITY_ADDRESS}: the sender of a
 *                    submitted message that has none
 * @param displayName {@value #DISPLAY_NAME}, else {@value #DISPLAY}, else the entry's name
 */
record StoreSettings(Path root, Recipient identity, String displayName) {
	static final String ROOT = "root";
	static final String IDENTITY_NAME = "identityName";
	static final String IDENTITY_ADDRESS = "identityAddress";
	static final String DISPLAY_NAME = "displayName";
	/** The key memstore profiles use for the display name; accepted too. */
	static final String DISPLAY = "display";

	/**
	 * @throws MapiException {@link ResultCode#MAPI_E_LOGON_FAILED} naming the missing or
	 *                       invalid setting
	 */
	static StoreSettings from(ProfileSection section) {
		String where = " of the profile entry '" + section.entryName() + "'";
		Path root = root(required(section, ROOT, where), where);
		String identityName = required(section, IDENTITY_NAME, where);
		String identityAddress = required(section, IDENTITY_ADDRESS, where);
		Recipient identity;
		try {
			Recipient address = Recipient.parse(identityAddress);
			identity = new Recipient(identityName, address.addressType(), address.address());
		} catch (MapiException e) {
			throw failed("the settings '" + IDENTITY_NAME + "' and '" + IDENTITY_ADDRESS + "'" + where
					+ " are not a valid identity (TYPE:address, e.g. PEER:alice): " + e.sentence());
		}
		String displayName = section.setting(DISPLAY_NAME, section.setting(DISPLAY, section.entryName())).strip();
		return new StoreSettings(root, identity, displayName.isEmpty() ? section.entryName() : displayName);
	}

	private static String required(ProfileSection section, String key, String where) {
		String value = section.setting(key, "").strip();
		if (value.isEmpty()) {
			throw failed("the setting '" + key + "'" + where + " is missing");
		}
		return value;
	}

	private static Path root(String text, String where) {
		try {
			return Path.of(text).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw failed("the setting '" + ROOT + "'" + where + " is not a path: " + e.getMessage());
		}
	}

	static MapiException failed(String sentence) {
		return new MapiException(ResultCode.MAPI_E_LOGON_FAILED, sentence);
	}
}

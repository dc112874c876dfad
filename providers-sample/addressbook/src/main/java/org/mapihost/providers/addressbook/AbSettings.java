package org.mapihost.providers.addressbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.providers.addressbook.vcard.NameResolver;

/**
 * The settings of an address-book entry of the profile, checked. Immutable.
 *
 * @param file        the vCard file, absolute
 * @param displayName the address book's name: setting {@value #DISPLAY_NAME}, else the entry's name
 * @param oneOffTypes the address types a typed one-off may have, upper case; {@code *} for any
 */
record AbSettings(Path file, String displayName, Set<String> oneOffTypes) {
	static final String FILE = "file";
	static final String DISPLAY_NAME = "displayName";
	static final String ONE_OFF_TYPES = "oneOffTypes";

	private static final int MAX_DISPLAY_NAME = 256;
	private static final Pattern ADDRESS_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
	private static final String UID_SEED = "org.mapihost.providers.addressbook\0";

	/**
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} naming the setting that is missing or bad
	 */
	static AbSettings from(ProfileSection section) {
		String where = "address-book entry '" + section.entryName() + "' of profile '" + section.profileName() + "'";
		String file = section.setting(FILE, "").strip();
		if (file.isEmpty()) {
			throw unconfigured(where + " has no setting '" + FILE + "' (the path of a .vcf file)");
		}
		Path path;
		try {
			path = Path.of(file).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw unconfigured(where + ": setting '" + FILE + "' = '" + file + "' is not a path: " + e.getReason());
		}
		String displayName = section.setting(DISPLAY_NAME, "").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		if (displayName.length() > MAX_DISPLAY_NAME) {
			throw unconfigured(where + ": setting '" + DISPLAY_NAME + "' has " + displayName.length() + " characters, more than "
					+ MAX_DISPLAY_NAME);
		}
		return new AbSettings(path, displayName.isEmpty() ? section.entryName() : displayName,
				oneOffTypes(where, section.setting(ONE_OFF_TYPES, NameResolver.ANY_TYPE)));
	}

	private static Set<String> oneOffTypes(String where, String setting) {
		Set<String> types = new LinkedHashSet<>();
		for (String type : setting.split(",")) {
			String trimmed = type.strip();
			if (trimmed.equals(NameResolver.ANY_TYPE) || ADDRESS_TYPE.matcher(trimmed).matches()) {
				types.add(trimmed.toUpperCase(Locale.ROOT));
			} else if (!trimmed.isEmpty()) {
				throw unconfigured(where + ": setting '" + ONE_OFF_TYPES + "' has '" + trimmed
						+ "', which is neither * nor an address type (1 to 32 letters, digits, '_' or '-', starting with a letter)");
			}
		}
		return Set.copyOf(types);
	}

	/**
	 * The MAPIUID of the address book: a hash of the file's real path (its absolute path while
	 * it does not exist), so it stays the same across logons and restarts, and the entry IDs
	 * handed out stay valid.
	 */
	MapiUid uid() {
		Path real;
		try {
			real = file.toRealPath();
		} catch (IOException e) {
			real = file;
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest((UID_SEED + real).getBytes(StandardCharsets.UTF_8));
			return MapiUid.of(Arrays.copyOf(hash, MapiUid.SIZE));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	private static MapiException unconfigured(String message) {
		return new MapiException(ResultCode.MAPI_E_UNCONFIGURED, message);
	}
}

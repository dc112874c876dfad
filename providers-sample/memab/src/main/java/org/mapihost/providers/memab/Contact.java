package org.mapihost.providers.memab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * A contact of the address book: a display name and an SMTP address. Immutable.
 */
record Contact(String displayName, String email) {
	private static final String ADDRESS = "[^\\s<>@;]+@[^\\s<>@;]+";
	private static final Pattern NAMED = Pattern.compile("(.*?)\\s*<(" + ADDRESS + ")>");
	private static final Pattern BARE = Pattern.compile(ADDRESS);
	/** {@code DT_MAILUSER}, the {@code PR_DISPLAY_TYPE} of a messaging user. */
	private static final int DT_MAILUSER = 0;

	/**
	 * Parses {@code "Alice <alice@example.org>; bob@example.org"}: entries separated by
	 * {@code ;}, each {@code Name <address>} or a bare address.
	 *
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} naming the entry that does not parse
	 */
	static List<Contact> parseAll(String text) {
		List<Contact> contacts = new ArrayList<>();
		for (String entry : text.split(";")) {
			String trimmed = entry.trim();
			if (!trimmed.isEmpty()) {
				contacts.add(parse(trimmed));
			}
		}
		return List.copyOf(contacts);
	}

	private static Contact parse(String entry) {
		Matcher named = NAMED.matcher(entry);
		if (named.matches()) {
			String name = named.group(1).replaceAll("^\"|\"$", "").trim();
			return new Contact(name.isEmpty() ? named.group(2) : name, named.group(2));
		}
		if (BARE.matcher(entry).matches()) {
			return new Contact(entry, entry);
		}
		throw new MapiException(ResultCode.MAPI_E_UNCONFIGURED,
				"contact '" + entry + "' in setting '" + MemAbLogon.CONTACTS_SETTING + "' is neither 'Name <address>' nor an address");
	}

	MemObject toMailUser(EntryId entryId) {
		return new MemObject(entryId, ProviderData.MAPI_MAILUSER, MemObject.properties(
				"PR_DISPLAY_NAME", displayName,
				"PR_EMAIL_ADDRESS", email,
				"PR_ADDRTYPE", "SMTP",
				"PR_DISPLAY_TYPE", DT_MAILUSER,
				"PR_ENTRYID", entryId));
	}
}

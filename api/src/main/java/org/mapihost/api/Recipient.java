package org.mapihost.api;

import java.util.Locale;

/**
 * A recipient or sender as MAPI addresses it: display name, address type
 * ({@code PR_ADDRTYPE}, such as {@code SMTP} or {@code PEER}) and address
 * ({@code PR_EMAIL_ADDRESS}). The spooler hands a recipient to the transport whose address
 * types include its type.
 *
 * @param displayName {@code PR_DISPLAY_NAME}; may be empty, never null
 * @param addressType {@code PR_ADDRTYPE}, upper case
 * @param address     {@code PR_EMAIL_ADDRESS}
 * @since 1.0
 */
public record Recipient(String displayName, String addressType, String address) {
	/**
	 * Checks the parts and upper-cases the address type.
	 *
	 * @param displayName the display name, or null for none
	 * @param addressType the address type; letters, digits, '-' and '_'
	 * @param address     the address; not blank, no line breaks
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} naming the bad part
	 */
	public Recipient {
		displayName = displayName == null ? "" : displayName;
		if (addressType == null || !addressType.matches("[A-Za-z0-9_-]{1,32}")) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "bad address type: " + addressType);
		}
		addressType = addressType.toUpperCase(Locale.ROOT);
		if (address == null || address.isBlank() || address.length() > 998 || address.matches("(?s).*[\\r\\n].*")) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "bad " + addressType + " address: " + address);
		}
		if (displayName.length() > 998 || displayName.matches("(?s).*[\\r\\n].*")) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "bad display name: " + displayName);
		}
	}

	/**
	 * Parses a one-off address {@code TYPE:address}, such as {@code SMTP:bob@example.org}.
	 *
	 * @param oneOff the text
	 * @return the recipient, with the address as display name
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} when it is not of that form
	 */
	public static Recipient parse(String oneOff) {
		int colon = oneOff == null ? -1 : oneOff.indexOf(':');
		if (colon <= 0) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "not a one-off address (TYPE:address): " + oneOff);
		}
		String address = oneOff.substring(colon + 1);
		return new Recipient(address, oneOff.substring(0, colon), address);
	}

	/**
	 * @return {@code TYPE:address}, MAPI's search key form
	 */
	public String searchKey() {
		return addressType + ":" + address;
	}
}

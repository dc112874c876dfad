package org.mapihost.api;

import java.util.List;

/**
 * What {@code IAddrBook::ResolveName} found for a name: one entry (resolved), several
 * (ambiguous) or none (unresolved).
 *
 * @param name    the name asked for
 * @param matches the entries it matches, best first
 * @since 1.0
 */
public record Resolution(String name, List<Recipient> matches) {
	/**
	 * Copies the matches.
	 *
	 * @param name    the name
	 * @param matches the matches, or null for none
	 */
	public Resolution {
		matches = matches == null ? List.of() : List.copyOf(matches);
	}

	/**
	 * @return whether exactly one entry matches
	 */
	public boolean resolved() {
		return matches.size() == 1;
	}

	/**
	 * @return whether several entries match
	 */
	public boolean ambiguous() {
		return matches.size() > 1;
	}

	/**
	 * The one entry.
	 *
	 * @return the recipient
	 * @throws MapiException {@link ResultCode#MAPI_E_AMBIGUOUS_RECIP} or
	 *                       {@link ResultCode#MAPI_E_NOT_FOUND} when not resolved
	 */
	public Recipient recipient() {
		if (ambiguous()) {
			throw new MapiException(ResultCode.MAPI_E_AMBIGUOUS_RECIP, "'" + name + "' matches " + matches.size() + " entries: "
					+ matches.stream().map(Recipient::displayName).toList());
		}
		if (matches.isEmpty()) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "no address book entry matches '" + name + "'");
		}
		return matches.get(0);
	}
}

package org.mapihost.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conversions between MAPI flag bit masks and flag names, and the checks every call makes
 * on its flags.
 *
 * @since 1.0
 */
public final class MapiFlags {
	private MapiFlags() {
	}

	/**
	 * Names the bits of a mask, in declaration order; bits the family does not know are
	 * named as hex ({@code 0x00000400}).
	 *
	 * @param <F>    the flag family's type
	 * @param family the flag family
	 * @param bits   the mask
	 * @return the names, empty for 0
	 */
	public static <F extends Enum<F> & MapiFlag> List<String> names(Class<F> family, int bits) {
		List<String> names = new ArrayList<>();
		int rest = bits;
		for (F flag : family.getEnumConstants()) {
			if ((bits & flag.value()) == flag.value() && flag.value() != 0) {
				names.add(flag.name());
				rest &= ~flag.value();
			}
		}
		if (rest != 0) {
			names.add(String.format("0x%08X", rest));
		}
		return names;
	}

	/**
	 * Throws unless every bit of {@code bits} belongs to {@code allowed}.
	 *
	 * @param <F>     the flag family's type
	 * @param call    the MAPI call the flags are for, used in the message
	 * @param bits    the mask
	 * @param allowed the flags the call accepts
	 * @return {@code bits}
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} naming the unknown bits
	 */
	@SafeVarargs
	public static <F extends Enum<F> & MapiFlag> int requireKnown(String call, int bits, F... allowed) {
		int known = 0;
		for (F flag : allowed) {
			known |= flag.value();
		}
		int unknown = bits & ~known;
		if (unknown != 0) {
			throw new MapiException(ResultCode.MAPI_E_UNKNOWN_FLAGS,
					String.format("%s does not take the flag bits 0x%08X", call, unknown));
		}
		return bits;
	}

	/**
	 * Throws unless exactly one of {@code allowed} is set and nothing else.
	 *
	 * @param <F>     the flag family's type
	 * @param call    the MAPI call the flag is for, used in the message
	 * @param bits    the mask
	 * @param allowed the flags of which exactly one must be given
	 * @return the one flag
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} for unknown bits,
	 *                       {@link ResultCode#MAPI_E_INVALID_PARAMETER} for none or several
	 */
	@SafeVarargs
	public static <F extends Enum<F> & MapiFlag> F requireExactlyOne(String call, int bits, F... allowed) {
		requireKnown(call, bits, allowed);
		for (F flag : allowed) {
			if (bits == flag.value()) {
				return flag;
			}
		}
		throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, String.format(
				"%s takes exactly one flag, got %s", call, bits == 0 ? "none" : String.join("|", names(allowed[0].getDeclaringClass(), bits))));
	}

	/**
	 * Parses a mask written as names and/or numbers joined by {@code |}: {@code "LOGOFF_ORDERLY"},
	 * {@code "MAPI_EXTENDED|MAPI_NEW_SESSION"}, {@code "0x2"}, {@code "0"}. Names are matched
	 * without regard to case, with or without the family's common prefix.
	 *
	 * @param <F>    the flag family's type
	 * @param family the flag family
	 * @param text   the text
	 * @return the mask
	 * @throws MapiException {@link ResultCode#MAPI_E_UNKNOWN_FLAGS} naming the unknown word
	 */
	public static <F extends Enum<F> & MapiFlag> int parse(Class<F> family, String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		int bits = 0;
		for (String word : text.split("[|,+]")) {
			bits |= parseOne(family, word.trim());
		}
		return bits;
	}

	private static <F extends Enum<F> & MapiFlag> int parseOne(Class<F> family, String word) {
		if (word.matches("0[xX][0-9a-fA-F]{1,8}")) {
			return Integer.parseUnsignedInt(word.substring(2), 16);
		}
		if (word.matches("[0-9]{1,10}")) {
			try {
				return Integer.parseUnsignedInt(word);
			} catch (NumberFormatException e) {
				throw new MapiException(ResultCode.MAPI_E_UNKNOWN_FLAGS, "flag value out of range: " + word, e);
			}
		}
		String upper = word.toUpperCase(Locale.ROOT).replace('-', '_');
		List<F> matches = new ArrayList<>();
		for (F flag : family.getEnumConstants()) {
			if (flag.name().equals(upper)) {
				return flag.value();
			}
			if (flag.name().endsWith("_" + upper)) {
				matches.add(flag);
			}
		}
		if (matches.size() == 1) {
			return matches.get(0).value();
		}
		throw new MapiException(ResultCode.MAPI_E_UNKNOWN_FLAGS, (matches.isEmpty() ? "unknown" : "ambiguous")
				+ " flag '" + word + "' for " + family.getSimpleName() + "; known: " + allNames(family));
	}

	private static <F extends Enum<F> & MapiFlag> String allNames(Class<F> family) {
		List<String> names = new ArrayList<>();
		for (F flag : family.getEnumConstants()) {
			names.add(flag.name());
		}
		return String.join(", ", names);
	}
}

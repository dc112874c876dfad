package org.mapihost.providers.addressbook.vcard;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves a typed name against contacts, in this order:
 * <ol>
 * <li>{@code TYPE:address} or {@code [TYPE:address]} with an accepted address type (SMTP
 * unless told otherwise; {@value #ANY_TYPE} accepts every type) is a one-off, whatever the
 * contacts; an address that fails the check is unresolved with the reason. Other
 * {@code word:text} is taken as a name.</li>
 * <li>An <em>exact</em> match: the name equals a display name, an e-mail address, a typed
 * address ({@code X-MAPIHOST-ADDRESS}) or a typed address with its type ({@code PEER:bob}).
 * One exact match wins even when others match by prefix ({@code Bob} finds Bob, not Bobby).</li>
 * <li>A bare valid SMTP address with a dot in its domain that no contact has is a one-off
 * (when SMTP is accepted). Without the dot it could be the start of an address
 * ({@code alice@ex}); {@code SMTP:bob@localhost} is the way to type such a one-off.</li>
 * <li>A <em>prefix</em> match: every word of the name starts a word of the display name, in
 * any order ({@code ali}, {@code smi ali} and {@code Alice S} all find "Alice Smith"; {@code
 * ice} does not), or the whole name starts an address ({@code alice@ex}).</li>
 * </ol>
 * Comparison ignores case and Unicode compatibility forms (NFKC) and treats runs of blanks
 * as one; words are split at blanks and {@code , ; ( ) " ' . -}. Only contacts with an
 * address ({@link Contact#address()}) are candidates: one without cannot be a recipient. Several matches are ambiguous,
 * none is unresolved. Stateless apart from its settings, so safe to share.
 */
public final class NameResolver {
	/** In the one-off types: every address type is accepted. */
	public static final String ANY_TYPE = "*";
	private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,;()\"'.\\-]+");
	private static final Comparator<Contact> BY_NAME = Comparator
			.comparing((Contact contact) -> contact.displayName().toLowerCase(Locale.ROOT))
			.thenComparingInt(Contact::index);

	private final Set<String> oneOffTypes;

	public NameResolver() {
		this(Set.of(OneOffAddress.SMTP));
	}

	/**
	 * @param oneOffTypes the address types typed one-offs may have (the transports'), such as
	 *                    {@code SMTP} or {@code PEER}; in any case; {@value #ANY_TYPE} for all
	 */
	public NameResolver(Set<String> oneOffTypes) {
		this.oneOffTypes = oneOffTypes.stream().map(type -> type.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	public Resolution resolve(String typed, Collection<Contact> contacts) {
		if (typed == null || typed.isBlank()) {
			throw new IllegalArgumentException("a name to resolve must not be blank, got '" + typed + "'");
		}
		String name = typed.strip();
		Optional<String> type = OneOffAddress.typePrefix(name);
		if (type.isPresent() && accepts(type.get())) {
			return oneOff(name);
		}
		List<Contact> recipients = contacts.stream().filter(contact -> contact.address().isPresent()).toList();
		String key = normalize(name);
		List<Contact> exact = recipients.stream().filter(contact -> isExactMatch(contact, key)).toList();
		if (!exact.isEmpty()) {
			return choose(name, exact);
		}
		if (isBareAddress(name) && SmtpAddress.isValid(name) && hasDottedDomain(name) && accepts(OneOffAddress.SMTP)) {
			return oneOff(name);
		}
		List<String> words = words(key);
		List<Contact> prefixed = recipients.stream().filter(contact -> isPrefixMatch(contact, key, words)).toList();
		if (prefixed.isEmpty()) {
			return new Resolution.Unresolved(name, "no contact's name or e-mail address matches '" + name + "'" + addressHint(name));
		}
		return choose(name, prefixed);
	}

	private boolean accepts(String addressType) {
		return oneOffTypes.contains(ANY_TYPE) || oneOffTypes.contains(addressType);
	}

	private String addressHint(String name) {
		if (!isBareAddress(name)) {
			return "";
		}
		if (!SmtpAddress.isValid(name)) {
			return ", and it is not a valid SMTP address";
		}
		return hasDottedDomain(name) ? "" : "; a bare address is a one-off only with a dot in its domain, type SMTP:" + name + " for this one";
	}

	private Resolution oneOff(String name) {
		try {
			return new Resolution.OneOff(name, OneOffAddress.parse(name));
		} catch (IllegalArgumentException e) {
			return new Resolution.Unresolved(name, e.getMessage());
		}
	}

	private static Resolution choose(String name, List<Contact> matches) {
		return matches.size() == 1 ? new Resolution.Unique(name, matches.get(0))
				: new Resolution.Ambiguous(name, matches.stream().sorted(BY_NAME).toList());
	}

	private static boolean isExactMatch(Contact contact, String key) {
		return normalize(contact.displayName()).equals(key)
				|| contact.addressTexts().stream().anyMatch(address -> normalize(address).equals(key))
				|| contact.typedAddresses().stream().anyMatch(address -> normalize(address.toString()).equals(key));
	}

	private static boolean isPrefixMatch(Contact contact, String key, List<String> words) {
		List<String> nameWords = words(normalize(contact.displayName()));
		boolean byName = !words.isEmpty()
				&& words.stream().allMatch(word -> nameWords.stream().anyMatch(nameWord -> nameWord.startsWith(word)));
		return byName || !key.contains(" ")
				&& contact.addressTexts().stream().anyMatch(address -> normalize(address).startsWith(key));
	}

	private static boolean isBareAddress(String name) {
		return name.indexOf('@') >= 0 && name.codePoints().noneMatch(Character::isWhitespace);
	}

	private static boolean hasDottedDomain(String address) {
		return address.indexOf('.', address.lastIndexOf('@')) > 0;
	}

	private static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
	}

	private static List<String> words(String normalized) {
		return WORD_SEPARATORS.splitAsStream(normalized).filter(word -> !word.isEmpty()).toList();
	}
}

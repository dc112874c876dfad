package org.mapihost.providers.addressbook.vcard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import ezvcard.VCard;
import ezvcard.io.ParseWarning;
import ezvcard.io.scribe.RawPropertyScribe;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.EmailType;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;

/**
 * Turns one {@link RawCard} into a {@link Contact} with ez-vcard, or into a
 * {@link CardProblem} when the card is not UTF-8, ez-vcard cannot read it, or it has no
 * {@code FN}, {@code N}, usable {@code EMAIL} or usable {@value #ADDRESS_PROPERTY}. ez-vcard's
 * warnings stay with the contact, their line numbers counted in the file.
 * <p>
 * {@value #ADDRESS_PROPERTY} gives a contact an address of another type than SMTP, written
 * {@code TYPE:address}: {@code X-MAPIHOST-ADDRESS:PEER:bob} is the local mailbox {@code bob}
 * of the peer transport. A card may have several; the first is the contact's address.
 */
final class CardParser {
	static final String ADDRESS_PROPERTY = "X-MAPIHOST-ADDRESS";
	private static final String XML_PROPERTY = "XML";

	private CardParser() {
	}

	/**
	 * @return the contact, or a problem as a failed {@link Outcome}
	 */
	static Outcome parse(RawCard raw) {
		String text;
		try {
			text = decodeUtf8(raw);
		} catch (MalformedCard e) {
			return Outcome.failed(new CardProblem(raw.index(), OptionalInt.of(e.line), e.getMessage()));
		}
		List<CardWarning> warnings = new ArrayList<>();
		VCard card;
		try (VCardReader reader = new VCardReader(text)) {
			// XML values are kept as text: nothing here uses them, and parsing them prints on standard error
			reader.getScribeIndex().register(new RawPropertyScribe(XML_PROPERTY));
			card = reader.readNext();
			reader.getWarnings().forEach(warning -> warnings.add(toFileWarning(raw, warning)));
		} catch (IOException | RuntimeException e) {
			return Outcome.failed(problem(raw, "ez-vcard could not read the card: " + e));
		}
		if (card == null) {
			return Outcome.failed(problem(raw, "ez-vcard found no card between BEGIN:VCARD and END:VCARD"));
		}
		List<EmailAddress> emails = emails(card, warnings);
		List<OneOffAddress> typedAddresses = typedAddresses(card, warnings);
		Optional<String> name = displayName(card)
				.or(() -> emails.stream().findFirst().map(EmailAddress::address))
				.or(() -> typedAddresses.stream().findFirst().map(OneOffAddress::address));
		if (name.isEmpty()) {
			return Outcome.failed(problem(raw, "the card has no FN, no N and no valid EMAIL or " + ADDRESS_PROPERTY
					+ ": nothing to show or to address"));
		}
		ContactId id = card.getUid() != null && card.getUid().getValue() != null && !card.getUid().getValue().isBlank()
				? ContactId.fromUid(card.getUid().getValue())
				: ContactId.fromCardText(text);
		return Outcome.loaded(new Contact(id, raw.index(), raw.firstLine(), name.get(), emails, warnings, typedAddresses));
	}

	record Outcome(Contact contact, CardProblem problem) {
		static Outcome loaded(Contact contact) {
			return new Outcome(contact, null);
		}

		static Outcome failed(CardProblem problem) {
			return new Outcome(null, problem);
		}
	}

	private static Optional<String> displayName(VCard card) {
		Optional<String> formatted = card.getFormattedNames().stream()
				.map(FormattedName::getValue)
				.map(CardParser::clean)
				.filter(value -> !value.isEmpty())
				.findFirst();
		return formatted.or(() -> Optional.ofNullable(card.getStructuredName()).map(CardParser::join).filter(value -> !value.isEmpty()));
	}

	private static String join(StructuredName name) {
		List<String> parts = new ArrayList<>(name.getPrefixes());
		parts.add(name.getGiven());
		parts.addAll(name.getAdditionalNames());
		parts.add(name.getFamily());
		parts.addAll(name.getSuffixes());
		return clean(String.join(" ", parts.stream().filter(part -> part != null).toList()));
	}

	private static List<EmailAddress> emails(VCard card, List<CardWarning> warnings) {
		List<EmailAddress> emails = new ArrayList<>();
		for (Email email : card.getEmails()) {
			String address = email.getValue() == null ? "" : email.getValue().strip();
			if (!SmtpAddress.isValid(address)) {
				warnings.add(new CardWarning(OptionalInt.empty(), "EMAIL '" + clean(address) + "' is not an SMTP address; left out"));
				continue;
			}
			List<String> types = email.getTypes().stream().map(EmailType::getValue).toList();
			boolean preferred = types.stream().anyMatch("pref"::equalsIgnoreCase) || hasPrefParameter(email, warnings);
			emails.add(new EmailAddress(address, Set.copyOf(types), preferred));
		}
		return emails;
	}

	private static List<OneOffAddress> typedAddresses(VCard card, List<CardWarning> warnings) {
		List<OneOffAddress> addresses = new ArrayList<>();
		for (RawProperty property : card.getExtendedProperties(ADDRESS_PROPERTY)) {
			String value = property.getValue() == null ? "" : property.getValue().strip();
			if (OneOffAddress.typePrefix(value).isEmpty()) {
				warnings.add(new CardWarning(OptionalInt.empty(), ADDRESS_PROPERTY + " '" + clean(value)
						+ "' is not TYPE:address (PEER:bob, say); left out"));
				continue;
			}
			try {
				addresses.add(OneOffAddress.parse(value));
			} catch (IllegalArgumentException e) {
				warnings.add(new CardWarning(OptionalInt.empty(), ADDRESS_PROPERTY + " left out: " + clean(e.getMessage())));
			}
		}
		return addresses;
	}

	private static boolean hasPrefParameter(Email email, List<CardWarning> warnings) {
		try {
			return email.getPref() != null;
		} catch (IllegalStateException e) {
			warnings.add(new CardWarning(OptionalInt.empty(), "EMAIL '" + email.getValue() + "' has a PREF that is not a number; ignored"));
			return false;
		}
	}

	private static CardWarning toFileWarning(RawCard raw, ParseWarning warning) {
		OptionalInt line = warning.getLineNumber() == null ? OptionalInt.empty()
				: OptionalInt.of(raw.firstLine() - 1 + warning.getLineNumber());
		String property = warning.getPropertyName() == null ? "" : warning.getPropertyName() + ": ";
		String code = warning.getCode() == null ? "" : "(ez-vcard " + warning.getCode() + ") ";
		return new CardWarning(line, code + property + warning.getMessage());
	}

	private static CardProblem problem(RawCard raw, String message) {
		return new CardProblem(raw.index(), OptionalInt.of(raw.firstLine()), message);
	}

	/** Control characters (an escaped newline in FN, say) become spaces; runs of blanks one space. */
	private static String clean(String value) {
		return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
	}

	private static String decodeUtf8(RawCard raw) throws MalformedCard {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(raw.bytes());
		CharBuffer out = CharBuffer.allocate(raw.bytes().length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = raw.firstLine() + newlinesBefore(raw.bytes(), in.position());
			throw new MalformedCard(line, String.format("the card is not UTF-8: byte 0x%02X on line %d does not decode",
					raw.bytes()[in.position()] & 0xFF, line));
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	private static int newlinesBefore(byte[] bytes, int end) {
		int count = 0;
		for (int i = 0; i < end; i++) {
			if (bytes[i] == '\n') {
				count++;
			}
		}
		return count;
	}

	private static final class MalformedCard extends Exception {
		private static final long serialVersionUID = 1L;
		private final int line;

		MalformedCard(int line, String message) {
			super(message);
			this.line = line;
		}
	}
}

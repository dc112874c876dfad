package org.mapihost.providers.transport.peer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mapihost.api.Recipient;

/**
 * Which local mailbox an address names: a {@code PEER} address is the mailbox name; with a
 * local domain, an {@code SMTP} address {@code name@domain} is mailbox {@code name}.
 * Immutable.
 */
final class LocalAddresses {
	static final String PEER = "PEER";
	static final String SMTP = "SMTP";

	private final Optional<String> localDomain;

	LocalAddresses(Optional<String> localDomain) {
		this.localDomain = localDomain;
	}

	List<String> addressTypes() {
		return localDomain.isPresent() ? List.of(PEER, SMTP) : List.of(PEER);
	}

	/** @return the mailbox name, or empty when the address is not a local mailbox's */
	Optional<String> mailboxOf(Recipient recipient) {
		String address = recipient.address().strip();
		String name = switch (recipient.addressType()) {
		case PEER -> address;
		case SMTP -> {
			int at = address.lastIndexOf('@');
			boolean local = at > 0 && localDomain.isPresent() && address.substring(at + 1).equalsIgnoreCase(localDomain.get());
			yield local ? address.substring(0, at) : null;
		}
		default -> null;
		};
		return Optional.ofNullable(name).map(n -> n.toLowerCase(Locale.ROOT)).filter(PeerSettings::isMailboxName);
	}

	/**
	 * The file name of a message in a mailbox: the same for the same message and mailbox on
	 * every attempt, safe as a file name and as an {@code InboundMessage} delivery ID.
	 */
	static String deliveryId(String messageId, String mailbox) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] hash = sha.digest((messageId + "\n" + mailbox).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 20);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}
}

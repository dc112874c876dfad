package org.mapihost.providers.store.maildir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes Maildir unique names in the form the Maildir spec recommends:
 * {@code <seconds>.M<microseconds>P<pid>Q<counter>R<random>.<hostname>}. The host name
 * keeps only letters, digits, {@code -} and {@code .}; anything else (the spec's
 * {@code /} and {@code :} among them) becomes {@code _}, so a name never needs escaping.
 * Thread-safe: the counter is atomic.
 */
final class UniqueNames {
	private static final AtomicLong COUNTER = new AtomicLong();
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final HexFormat HEX = HexFormat.of();
	private static final long PID = ProcessHandle.current().pid();

	private static volatile String hostname;

	private UniqueNames() {
	}

	static MessageId next() {
		Instant now = Instant.now();
		byte[] random = new byte[8];
		RANDOM.nextBytes(random);
		return MessageId.of(now.getEpochSecond() + ".M" + now.getNano() / 1000 + "P" + PID + "Q"
				+ COUNTER.incrementAndGet() + "R" + HEX.formatHex(random) + "." + hostname());
	}

	private static String hostname() {
		String name = hostname;
		if (name == null) {
			name = sanitize(localHostName());
			hostname = name;
		}
		return name;
	}

	static String sanitize(String host) {
		String cleaned = host.replaceAll("[^A-Za-z0-9.-]", "_").replaceAll("^\\.+", "");
		if (cleaned.isEmpty()) {
			return "localhost";
		}
		return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
	}

	private static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (UnknownHostException e) {
			// no resolvable host name is common in containers; the name only needs to be stable
			return "localhost";
		}
	}
}

package org.mapihost.providers.transport.smtp;

import java.util.Locale;
import java.util.Optional;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.ProfileSection;

/**
 * The settings of an SMTP transport entry in a profile. {@link #toString()} leaves out the
 * credentials; nothing else in this bundle prints them.
 *
 * @param host          the server's host name or address
 * @param port          its port
 * @param startTls      whether to switch to TLS with {@code STARTTLS}
 * @param username      the {@code AUTH} user, if any
 * @param password      the {@code AUTH} password; set exactly when {@code username} is
 * @param heloName      the name this host gives in {@code EHLO}
 * @param timeoutMillis the connect and read timeout
 * @param envelopeFrom  the {@code MAIL FROM} address for a sender that is not an SMTP address
 */
record SmtpSettings(String host, int port, StartTls startTls, Optional<String> username, Optional<String> password,
		String heloName, int timeoutMillis, Optional<String> envelopeFrom) {
	static final String HOST = "host";
	static final String PORT = "port";
	static final String START_TLS = "startTls";
	static final String USERNAME = "username";
	static final String PASSWORD = "password";
	static final String HELO_NAME = "heloName";
	static final String TIMEOUT_MILLIS = "timeoutMillis";
	static final String ENVELOPE_FROM = "envelopeFrom";

	/** The {@code startTls} setting. */
	enum StartTls {
		/** Never: plain text throughout. */
		NONE,
		/** When the server offers it. */
		OPTIONAL,
		/** Always; a server that does not offer it is not used. */
		REQUIRED
	}

	/**
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} naming the setting that is missing
	 *                       or bad (never quoting the password)
	 */
	static SmtpSettings from(ProfileSection section) {
		String host = setting(section, HOST).orElseThrow(() -> unconfigured(section, "has no '" + HOST + "' setting"));
		if (!host.matches("[A-Za-z0-9.:\\[\\]_-]{1,255}")) {
			throw bad(section, HOST, host, "a host name or address");
		}
		int port = number(section, PORT, 25, 1, 65535);
		String tls = setting(section, START_TLS).orElse("optional");
		StartTls startTls = switch (tls.toLowerCase(Locale.ROOT)) {
		case "none" -> StartTls.NONE;
		case "optional" -> StartTls.OPTIONAL;
		case "required" -> StartTls.REQUIRED;
		default -> throw bad(section, START_TLS, tls, "none, optional or required");
		};
		Optional<String> username = setting(section, USERNAME);
		Optional<String> password = Optional.ofNullable(section.setting(PASSWORD, null)).filter(p -> !p.isEmpty());
		if (username.isPresent() != password.isPresent()) {
			throw unconfigured(section, "sets only one of '" + USERNAME + "' and '" + PASSWORD + "'; AUTH needs both");
		}
		String heloName = setting(section, HELO_NAME).orElse("localhost");
		if (!heloName.matches("[A-Za-z0-9.\\[\\]:_-]{1,255}")) {
			throw bad(section, HELO_NAME, heloName, "a host name");
		}
		int timeout = number(section, TIMEOUT_MILLIS, 30_000, 100, 600_000);
		Optional<String> envelopeFrom = setting(section, ENVELOPE_FROM);
		if (envelopeFrom.isPresent() && !isMailbox(envelopeFrom.get())) {
			throw bad(section, ENVELOPE_FROM, envelopeFrom.get(), "an address such as me@example.org");
		}
		return new SmtpSettings(host, port, startTls, username, password, heloName, timeout, envelopeFrom);
	}

	/** An address usable in {@code MAIL FROM} / {@code RCPT TO}: no spaces, brackets or line breaks. */
	static boolean isMailbox(String address) {
		return address.matches("[^\\s<>()\\[\\],;:\"@]+@[A-Za-z0-9.\\[\\]:-]+");
	}

	boolean authenticates() {
		return username.isPresent();
	}

	String server() {
		return host + ":" + port;
	}

	@Override
	public String toString() {
		return "SmtpSettings[" + server() + ", startTls=" + startTls + ", auth=" + (authenticates() ? "yes" : "no") + ", heloName="
				+ heloName + ", timeoutMillis=" + timeoutMillis + ", envelopeFrom=" + envelopeFrom.orElse("-") + "]";
	}

	private static Optional<String> setting(ProfileSection section, String key) {
		return Optional.ofNullable(section.setting(key, null)).map(String::strip).filter(v -> !v.isEmpty());
	}

	private static int number(ProfileSection section, String key, int defaultValue, int min, int max) {
		Optional<String> text = setting(section, key);
		if (text.isEmpty()) {
			return defaultValue;
		}
		try {
			int value = Integer.parseInt(text.get());
			if (value >= min && value <= max) {
				return value;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw bad(section, key, text.get(), "a number from " + min + " to " + max);
	}

	private static MapiException bad(ProfileSection section, String key, String value, String expected) {
		return unconfigured(section, "has '" + key + "' = '" + value + "', expected " + expected);
	}

	private static MapiException unconfigured(ProfileSection section, String problem) {
		return new MapiException(ResultCode.MAPI_E_UNCONFIGURED, "profile entry '" + section.entryName() + "' " + problem);
	}
}

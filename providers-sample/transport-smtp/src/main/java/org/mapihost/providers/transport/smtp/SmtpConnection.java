package org.mapihost.providers.transport.smtp;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient.AUTH_METHOD;
import org.apache.commons.net.smtp.SMTPReply;
import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.Undeliverable;

/**
 * One SMTP connection, opened with {@code EHLO}, {@code STARTTLS} and {@code AUTH} as the
 * settings say, used for any number of mail transactions, ended with {@code QUIT}. Built on
 * Commons Net's {@link AuthenticatingSMTPClient}. Not thread-safe: the logon's connection
 * lock guards it, except {@link #abort()}, which may come from any thread. The password
 * goes to the client library only; no message or log line of this class includes it.
 */
final class SmtpConnection {
	/** The connection failed or was closed by the server: the transaction may be tried again. */
	static final class Dropped extends IOException {
		private static final long serialVersionUID = 1L;
		final boolean beforeData;

		Dropped(String message, IOException cause, boolean beforeData) {
			super(message, cause);
			this.beforeData = beforeData;
		}
	}

	private final SmtpSettings settings;
	private final AuthenticatingSMTPClient client;
	private boolean tls;

	private SmtpConnection(SmtpSettings settings) {
		this.settings = settings;
		this.client = new AuthenticatingSMTPClient("TLS", false, StandardCharsets.ISO_8859_1.name());
		client.setConnectTimeout(settings.timeoutMillis());
		client.setDefaultTimeout(settings.timeoutMillis());
		client.setEndpointCheckingEnabled(true);
	}

	/**
	 * Connects, greets, switches to TLS and authenticates as the settings say.
	 *
	 * @throws IOException   when the server cannot be reached or drops the connection
	 * @throws MapiException {@code MAPI_E_NETWORK_ERROR} when the server will not do what the
	 *                       settings require; {@code MAPI_E_LOGON_FAILED} when it refuses the
	 *                       credentials
	 */
	static SmtpConnection open(SmtpSettings settings) throws IOException {
		SmtpConnection connection = new SmtpConnection(settings);
		try {
			connection.handshake();
			return connection;
		} catch (IOException | RuntimeException e) {
			connection.abort();
			throw e;
		}
	}

	private void handshake() throws IOException {
		client.connect(settings.host(), settings.port());
		if (!SMTPReply.isPositiveCompletion(client.getReplyCode())) {
			throw refused("greeting", ResultCode.MAPI_E_NETWORK_ERROR);
		}
		Set<String> extensions = ehlo();
		if (settings.startTls() != SmtpSettings.StartTls.NONE && extensions.contains("STARTTLS")) {
			if (!client.execTLS()) {
				throw refused("STARTTLS", ResultCode.MAPI_E_NETWORK_ERROR);
			}
			tls = true;
			extensions = ehlo();
		} else if (settings.startTls() == SmtpSettings.StartTls.REQUIRED) {
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR,
					settings.server() + " does not offer STARTTLS, which the setting startTls=required requires");
		}
		if (settings.authenticates()) {
			authenticate(extensions);
		}
	}

	private Set<String> ehlo() throws IOException {
		if (SMTPReply.isPositiveCompletion(client.ehlo(settings.heloName()))) {
			return Arrays.stream(client.getReplyStrings()).skip(1).map(line -> line.length() > 4 ? line.substring(4) : "")
					.map(line -> line.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
		}
		if (!SMTPReply.isPositiveCompletion(client.helo(settings.heloName()))) {
			throw refused("EHLO and HELO", ResultCode.MAPI_E_NETWORK_ERROR);
		}
		return Set.of();
	}

	private void authenticate(Set<String> extensions) throws IOException {
		if (!tls && !mayAuthenticateInClear(settings, client.getRemoteAddress())) {
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, settings.server()
					+ " offers no STARTTLS; credentials are sent in clear text only to a loopback address or with startTls=none");
		}
		Set<String> mechanisms = extensions.stream().filter(e -> e.startsWith("AUTH ") || e.startsWith("AUTH="))
				.flatMap(e -> Arrays.stream(e.substring(5).split(" "))).collect(Collectors.toSet());
		AUTH_METHOD method = mechanisms.contains("PLAIN") ? AUTH_METHOD.PLAIN
				: mechanisms.contains("LOGIN") ? AUTH_METHOD.LOGIN : mechanisms.contains("CRAM-MD5") ? AUTH_METHOD.CRAM_MD5 : null;
		if (method == null) {
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR,
					settings.server() + " offers no AUTH mechanism this transport knows (PLAIN, LOGIN, CRAM-MD5): " + mechanisms);
		}
		try {
			if (!client.auth(method, settings.username().orElseThrow(), settings.password().orElseThrow())) {
				throw refused("AUTH " + method, ResultCode.MAPI_E_LOGON_FAILED);
			}
		} catch (GeneralSecurityException e) {
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED, "AUTH " + method + " is not available: " + e.getClass().getName(), e);
		}
	}

	static boolean mayAuthenticateInClear(SmtpSettings settings, InetAddress server) {
		return settings.startTls() == SmtpSettings.StartTls.NONE || server != null && server.isLoopbackAddress();
	}

	boolean isTls() {
		return tls;
	}

	/**
	 * One mail transaction: {@code MAIL FROM}, {@code RCPT TO} for each recipient,
	 * {@code DATA}. A recipient refused with 5xx is undeliverable; a 4xx reply ends the
	 * transaction with {@code RSET} and fails, so that the spooler tries again later.
	 *
	 * @throws Dropped       when the connection broke
	 * @throws MapiException {@code MAPI_E_NETWORK_ERROR} for a 4xx reply
	 */
	List<Undeliverable> send(String from, List<Recipient> recipients, byte[] content) throws Dropped {
		boolean dataSent = false;
		try {
			if (!SMTPReply.isPositiveCompletion(client.mail("<" + from + ">"))) {
				return refusedForAll("MAIL FROM:<" + from + ">", recipients);
			}
			List<Undeliverable> refused = new ArrayList<>();
			for (Recipient recipient : recipients) {
				if (!SMTPReply.isPositiveCompletion(client.rcpt("<" + recipient.address() + ">"))) {
					deferIfTransient("RCPT TO:<" + recipient.address() + ">");
					refused.add(new Undeliverable(recipient, "the server refused RCPT TO:<" + recipient.address() + ">: " + reply()));
				}
			}
			if (refused.size() == recipients.size()) {
				client.rset();
				return refused;
			}
			Writer data = client.sendMessageData();
			if (data == null) {
				return refusedForAll("DATA", recipients);
			}
			dataSent = true;
			data.write(new String(content, StandardCharsets.ISO_8859_1));
			data.close();
			if (!client.completePendingCommand()) {
				return refusedForAll("the message", recipients);
			}
			return refused;
		} catch (IOException e) {
			throw new Dropped("connection to " + settings.server() + " failed: " + e.getMessage(), e, !dataSent);
		}
	}

	private List<Undeliverable> refusedForAll(String what, List<Recipient> recipients) throws IOException {
		deferIfTransient(what);
		String reason = "the server refused " + what + ": " + reply();
		client.rset();
		return recipients.stream().map(r -> new Undeliverable(r, reason)).toList();
	}

	private void deferIfTransient(String what) throws IOException {
		if (SMTPReply.isNegativeTransient(client.getReplyCode())) {
			String reply = reply();
			client.rset();
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, settings.server() + " deferred " + what + ": " + reply);
		}
	}

	private MapiException refused(String what, ResultCode code) {
		return new MapiException(code, settings.server() + " refused " + what + ": " + reply());
	}

	private String reply() {
		String reply = client.getReplyString();
		return reply == null ? "(no reply)" : reply.strip().replaceAll("\\s*\\r?\\n\\s*", " / ");
	}

	/** Sends {@code QUIT} and closes the connection. */
	void quit() throws IOException {
		try {
			client.quit();
		} finally {
			client.disconnect();
		}
	}

	/** Closes the connection at once, without {@code QUIT}; from any thread. */
	void abort() {
		try {
			client.disconnect();
		} catch (IOException e) {
			// closing a socket that is broken anyway: nothing left to do or to report
		}
	}
}

package org.mapihost.providers.transport.smtp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.Undeliverable;
import org.osgi.service.log.Logger;

/**
 * A logon's connection to its SMTP server: opened at the first send, kept and reused,
 * reopened once per send when the server dropped it before {@code DATA}, ended with
 * {@code QUIT} by {@link #close(boolean)}. Remembers the last
 * {@value #REMEMBERED_MESSAGES} message IDs it sent, so a message submitted again is not
 * sent twice. {@code lock} guards {@code connection} and {@code sent} for a whole mail
 * transaction; {@code connection} is volatile only so that {@link #close(boolean)} can
 * abort a send in progress.
 */
final class KeptConnection {
	static final int REMEMBERED_MESSAGES = 1000;

	private final SmtpSettings settings;
	private final Logger log;
	private final BooleanSupplier loggedOn;
	private final Consumer<Boolean> connectedChanged;
	private final ReentrantLock lock = new ReentrantLock();
	private final Map<String, List<Undeliverable>> sent = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, List<Undeliverable>> eldest) {
			return size() > REMEMBERED_MESSAGES;
		}
	};
	private volatile SmtpConnection connection;

	KeptConnection(SmtpSettings settings, Logger log, BooleanSupplier loggedOn, Consumer<Boolean> connectedChanged) {
		this.settings = settings;
		this.log = log;
		this.loggedOn = loggedOn;
		this.connectedChanged = connectedChanged;
	}

	/**
	 * Sends the message once per message ID.
	 *
	 * @return the recipients the server refused for good
	 * @throws MapiException {@code MAPI_E_NETWORK_ERROR} when the server cannot be reached,
	 *                       dropped the connection or deferred the message (4xx);
	 *                       {@code MAPI_E_LOGON_FAILED} when it refused the credentials
	 */
	List<Undeliverable> send(String messageId, String from, List<Recipient> recipients, byte[] content) {
		lock.lock();
		try {
			if (!loggedOn.getAsBoolean()) {
				throw new IllegalStateException("IXPLogon::SubmitMessage after IXPLogon::TransportLogoff");
			}
			List<Undeliverable> earlier = sent.get(messageId);
			if (earlier != null) {
				log.debug("Message {} was sent already; not sending it again", messageId);
				return earlier;
			}
			List<Undeliverable> refused = List.copyOf(transaction(from, recipients, content));
			sent.put(messageId, refused);
			log.debug("Sent {} to {} of {} recipients", messageId, recipients.size() - refused.size(), recipients.size());
			return refused;
		} finally {
			lock.unlock();
		}
	}

	private List<Undeliverable> transaction(String from, List<Recipient> recipients, byte[] content) {
		boolean reused = connection != null;
		if (!reused) {
			connect();
		}
		try {
			return connection.send(from, recipients, content);
		} catch (SmtpConnection.Dropped e) {
			disconnected(e);
			if (!reused || !e.beforeData || !loggedOn.getAsBoolean()) {
				throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, e.getMessage(), e);
			}
		}
		log.info("The connection to {} was closed by the server; reconnecting once", settings.server());
		connect();
		try {
			return connection.send(from, recipients, content);
		} catch (SmtpConnection.Dropped e) {
			disconnected(e);
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, e.getMessage(), e);
		}
	}

	private void connect() {
		try {
			connection = SmtpConnection.open(settings);
		} catch (IOException e) {
			log.warn("Cannot connect to {}: {}", settings.server(), e.toString());
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, "cannot connect to " + settings.server() + ": " + e, e);
		} catch (MapiException e) {
			log.warn("The connection to {} is not usable: {}", settings.server(), e.getMessage());
			throw e;
		}
		log.info("Connected to {} (TLS: {})", settings.server(), connection.isTls());
		connectedChanged.accept(true);
	}

	private void disconnected(IOException e) {
		log.warn("Lost the connection to {}: {}", settings.server(), e.getMessage());
		connection.abort();
		connection = null;
		connectedChanged.accept(false);
	}

	/**
	 * Terminates the connection with the server: {@code QUIT} once a send in progress ended
	 * (waiting at most {@code timeoutMillis}, or not at all when {@code hurry}); a send that
	 * does not end has the connection closed under it, without {@code QUIT}.
	 */
	void close(boolean hurry) {
		if (!lock(hurry)) {
			SmtpConnection busy = connection;
			if (busy != null) {
				log.warn("Logging off while a send to {} is in progress: closing the connection without QUIT", settings.server());
				busy.abort();
			}
			return;
		}
		try {
			if (connection != null) {
				connection.quit();
				log.info("Sent QUIT to {} and closed the connection", settings.server());
			}
		} catch (IOException e) {
			log.warn("QUIT to {} failed; the connection is closed anyway: {}", settings.server(), e.toString());
		} finally {
			connection = null;
			lock.unlock();
		}
	}

	private boolean lock(boolean hurry) {
		try {
			return hurry ? lock.tryLock() : lock.tryLock(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}

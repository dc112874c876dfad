package org.mapihost.providers.transport.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.TransportLogoffFlag;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.Undeliverable;
import org.osgi.service.log.Logger;

/**
 * One SMTP transport logon. The connection is opened at the first send, not at logon (a
 * session logon neither waits for nor fails on a server that is down), then kept while
 * logged on and reused; a connection the server dropped is reopened once per send.
 * {@code transportLogoff} sends {@code QUIT}, closes it and releases the support object,
 * last. Submitting while outbound traffic is disabled fails with {@code MAPI_E_CALL_FAILED}.
 * <p>
 * {@code this} guards {@code state}, {@code traffic} and {@code connected}, and every call
 * of the support object, so that none follows its release; {@link KeptConnection} has its
 * own lock, taken before {@code this}, never after.
 */
final class SmtpLogon implements TransportLogon {
	static final List<String> ADDRESS_TYPES = List.of("SMTP");

	private enum State { OPEN, LOGGED_OFF, RELEASED }

	private final ProviderSupport support;
	private final SmtpSettings settings;
	private final Logger log;
	private final Consumer<SmtpLogon> onLogoff;
	private final KeptConnection connection;
	private State state = State.OPEN;
	private Traffic traffic;
	private boolean connected;
	/** Why the last send failed (never with credentials in it), until a send succeeds. */
	private String lastFailure;

	private SmtpLogon(ProviderSupport support, SmtpSettings settings, Traffic traffic, Logger log, Consumer<SmtpLogon> onLogoff) {
		this.support = support;
		this.settings = settings;
		this.traffic = traffic;
		this.log = log;
		this.onLogoff = onLogoff;
		this.connection = new KeptConnection(settings, log, this::isOpen, this::connectionChanged);
	}

	/**
	 * {@code IXPProvider::TransportLogon}: reads the settings and sets the status row.
	 *
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} for bad settings
	 */
	static SmtpLogon logOn(ProviderSupport support, int flags, String providerDisplay, Logger log, Consumer<SmtpLogon> onLogoff) {
		SmtpSettings settings = SmtpSettings.from(support.openProfileSection());
		SmtpLogon logon = new SmtpLogon(support, settings, Traffic.atLogon(flags), log, onLogoff);
		support.modifyStatusRow(logon.statusRow().toBuilder()
				.set(StatusColumn.PR_DISPLAY_NAME, "SMTP transport (" + settings.server() + ")")
				.set(StatusColumn.PR_PROVIDER_DISPLAY, providerDisplay)
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build(), 0);
		log.info("SMTP transport logged on: {}", settings);
		return logon;
	}

	@Override
	public List<String> addressTypes() {
		requireOpen("IXPLogon::AddressTypes");
		return ADDRESS_TYPES;
	}

	@Override
	public synchronized void transportNotify(int flags) {
		requireOpen("IXPLogon::TransportNotify");
		MapiFlags.requireKnown("IXPLogon::TransportNotify", flags, NotifyFlag.values());
		Traffic next = traffic.notify(flags);
		if (!next.equals(traffic)) {
			traffic = next;
			support.modifyStatusRow(statusRow(), StatusRowFlag.STATUSROW_UPDATE.value());
		}
	}

	/**
	 * @throws MapiException {@code MAPI_E_NETWORK_ERROR} when the server cannot be reached,
	 *                       dropped the connection or deferred the message (4xx);
	 *                       {@code MAPI_E_LOGON_FAILED} when it refused the credentials;
	 *                       {@code MAPI_E_CALL_FAILED} while outbound traffic is disabled
	 */
	@Override
	public List<Undeliverable> submitMessage(OutboundMessage message, List<Recipient> recipients) {
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(recipients, "recipients");
		requireOutbound(message);
		List<Undeliverable> refused = new ArrayList<>();
		List<Recipient> smtp = new ArrayList<>();
		for (Recipient recipient : recipients) {
			if (recipient.addressType().equals("SMTP") && SmtpSettings.isMailbox(recipient.address())) {
				smtp.add(recipient);
			} else {
				refused.add(new Undeliverable(recipient, "not an SMTP address: " + recipient.searchKey()));
			}
		}
		Optional<String> from = envelopeFrom(message);
		if (!smtp.isEmpty() && from.isEmpty()) {
			String reason = "the sender " + message.sender().searchKey() + " is not an SMTP address and no envelopeFrom is set";
			smtp.forEach(r -> refused.add(new Undeliverable(r, reason)));
		} else if (!smtp.isEmpty()) {
			try {
				refused.addAll(connection.send(message.messageId(), from.get(), smtp, message.content()));
				sendFailed(null);
			} catch (MapiException e) {
				sendFailed(e.getMessage());
				throw e;
			}
		}
		return refused;
	}

	private Optional<String> envelopeFrom(OutboundMessage message) {
		Recipient sender = message.sender();
		if (sender.addressType().equals("SMTP") && SmtpSettings.isMailbox(sender.address())) {
			return Optional.of(sender.address());
		}
		return settings.envelopeFrom();
	}

	private synchronized void connectionChanged(boolean isConnected) {
		connected = isConnected;
		if (state == State.OPEN) {
			support.modifyStatusRow(statusRow(), StatusRowFlag.STATUSROW_UPDATE.value());
		}
	}

	private synchronized void sendFailed(String reason) {
		if (Objects.equals(reason, lastFailure)) {
			return;
		}
		lastFailure = reason;
		if (state == State.OPEN) {
			support.modifyStatusRow(statusRow(), StatusRowFlag.STATUSROW_UPDATE.value());
		}
	}

	private synchronized StatusRow statusRow() {
		String link = connected ? "connected to " + settings.server() : "not connected";
		if (lastFailure != null) {
			return StatusRow.builder().set(StatusColumn.PR_STATUS_CODE, traffic.code() | StatusCode.STATUS_FAILURE.value())
					.set(StatusColumn.PR_STATUS_STRING, traffic.describe() + "; " + link + "; last send failed: " + lastFailure
							+ "; messages wait in the Outbox").build();
		}
		return StatusRow.builder().set(StatusColumn.PR_STATUS_CODE, traffic.code())
				.set(StatusColumn.PR_STATUS_STRING, traffic.describe() + "; " + link).build();
	}

	/** Any outcome counts as logged off; unknown flag bits are ignored for that reason. */
	@Override
	public void transportLogoff(int flags) {
		synchronized (this) {
			requireOpen("IXPLogon::TransportLogoff");
			state = State.LOGGED_OFF;
		}
		connection.close((flags & TransportLogoffFlag.LOGOFF_HURRY.value()) != 0);
		cleanUp();
	}

	/** The provider's defensive logoff at {@code Shutdown}: does nothing if already done. */
	void logoffIfOpen(boolean hurry) {
		synchronized (this) {
			if (state != State.OPEN) {
				return;
			}
			state = State.LOGGED_OFF;
		}
		connection.close(hurry);
		cleanUp();
	}

	@Override
	public void release() {
		boolean open;
		synchronized (this) {
			if (state == State.RELEASED) {
				throw new IllegalStateException("IXPLogon::Release on " + this + ", which was already released");
			}
			open = state == State.OPEN;
			state = State.RELEASED;
		}
		if (open) {
			connection.close(true);
			cleanUp();
		}
	}

	private void cleanUp() {
		try {
			log.info("SMTP transport for {} logged off", settings.server());
			onLogoff.accept(this);
		} finally {
			support.release();
		}
	}

	private synchronized void requireOutbound(OutboundMessage message) {
		requireOpen("IXPLogon::SubmitMessage");
		if (!traffic.outbound()) {
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED,
					this + ": outbound traffic is disabled; submit " + message.messageId() + " again once it is enabled");
		}
	}

	private synchronized boolean isOpen() {
		return state == State.OPEN;
	}

	private synchronized void requireOpen(String call) {
		if (state != State.OPEN) {
			throw new IllegalStateException(call + " on " + this + ", which is " + state);
		}
	}

	@Override
	public String toString() {
		return "SmtpLogon[" + settings.server() + "]";
	}
}

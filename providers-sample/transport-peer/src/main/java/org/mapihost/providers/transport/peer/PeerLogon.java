package org.mapihost.providers.transport.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.provider.InboundMessage;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.Undeliverable;
import org.osgi.service.log.Logger;

/**
 * One peer transport logon: the mailbox {@code settings.mailbox()} in the drop folder.
 * Submitting while outbound traffic is disabled fails with {@code MAPI_E_CALL_FAILED} and
 * writes nothing, so the spooler submits again later; {@code poll} returns nothing while
 * inbound traffic is disabled. {@code this} guards {@code state}, {@code traffic} and the
 * mailbox's files: the spooler's and the session's threads take turns. {@code transportLogoff}
 * releases the support object, last, outside the lock.
 */
final class PeerLogon implements TransportLogon {
	static final int MAX_PER_POLL = 100;
	/** The largest message taken from the drop folder: 64 MiB, what the Maildir store reads. */
	static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;
	static final Duration STALE_TMP = Duration.ofHours(36);

	private enum State { OPEN, LOGGED_OFF, RELEASED }

	private final ProviderSupport support;
	private final PeerSettings settings;
	private final DropFolder drop;
	private final LocalAddresses addresses;
	private final Logger log;
	private final Consumer<PeerLogon> onLogoff;
	private final Set<String> misnamed = new HashSet<>();
	private final Set<String> oversized = new HashSet<>();
	private State state = State.OPEN;
	private Traffic traffic;

	private PeerLogon(ProviderSupport support, PeerSettings settings, Traffic traffic, Logger log, Consumer<PeerLogon> onLogoff) {
		this.support = support;
		this.settings = settings;
		this.drop = new DropFolder(settings.dropFolder());
		this.addresses = new LocalAddresses(settings.localDomain());
		this.traffic = traffic;
		this.log = log;
		this.onLogoff = onLogoff;
	}

	/**
	 * {@code IXPProvider::TransportLogon}: creates the mailbox if needed, deletes old
	 * tombstones and stale temporary files, sets the status row.
	 *
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} for bad settings,
	 *                       {@code MAPI_E_LOGON_FAILED} when the mailbox cannot be created
	 */
	static PeerLogon logOn(ProviderSupport support, int flags, String providerDisplay, Logger log, Consumer<PeerLogon> onLogoff) {
		PeerSettings settings = PeerSettings.from(support.openProfileSection());
		PeerLogon logon = new PeerLogon(support, settings, Traffic.atLogon(flags), log, onLogoff);
		try {
			logon.drop.createMailbox(settings.mailbox());
		} catch (IOException e) {
			throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED,
					"cannot create mailbox '" + settings.mailbox() + "' in " + settings.dropFolder() + ": " + e, e);
		}
		logon.tidyUp(Instant.now());
		support.modifyStatusRow(logon.traffic.row().toBuilder()
				.set(StatusColumn.PR_DISPLAY_NAME, logon.displayName())
				.set(StatusColumn.PR_PROVIDER_DISPLAY, providerDisplay)
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build(), 0);
		log.info("Peer transport logged on to mailbox {} in {}", settings.mailbox(), settings.dropFolder());
		return logon;
	}

	private void tidyUp(Instant now) {
		String mailbox = settings.mailbox();
		try {
			int tombstones = drop.deleteOlderThan(mailbox, DropFolder.CUR, Duration.ofDays(settings.keepDeliveredDays()), now);
			int stale = drop.deleteOlderThan(mailbox, DropFolder.TMP, STALE_TMP, now);
			if (tombstones + stale > 0) {
				log.info("Mailbox {}: deleted {} tombstones older than {} days and {} stale files in tmp/", mailbox, tombstones,
						settings.keepDeliveredDays(), stale);
			}
		} catch (IOException e) {
			log.warn("Mailbox {}: could not delete old tombstones: {}", mailbox, e.toString());
		}
	}

	String displayName() {
		return "Peer transport (mailbox " + settings.mailbox() + ")";
	}

	@Override
	public List<String> addressTypes() {
		requireOpen("IXPLogon::AddressTypes");
		return addresses.addressTypes();
	}

	@Override
	public synchronized void transportNotify(int flags) {
		requireOpen("IXPLogon::TransportNotify");
		MapiFlags.requireKnown("IXPLogon::TransportNotify", flags, NotifyFlag.values());
		Traffic next = traffic.notify(flags);
		if (!next.equals(traffic)) {
			support.modifyStatusRow(next.row(), StatusRowFlag.STATUSROW_UPDATE.value());
			traffic = next;
		}
	}

	/**
	 * @throws MapiException {@code MAPI_E_CALL_FAILED} while outbound traffic is disabled;
	 *                       {@code MAPI_E_NETWORK_ERROR} when a mailbox could not be written
	 */
	@Override
	public synchronized List<Undeliverable> submitMessage(OutboundMessage message, List<Recipient> recipients) {
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(recipients, "recipients");
		requireOpen("IXPLogon::SubmitMessage");
		if (!traffic.outbound()) {
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED,
					displayName() + ": outbound traffic is disabled; submit " + message.messageId() + " again once it is enabled");
		}
		byte[] content = message.content();
		List<Undeliverable> refused = new ArrayList<>();
		for (Recipient recipient : recipients) {
			Optional<String> mailbox = addresses.mailboxOf(recipient);
			if (mailbox.isEmpty()) {
				refused.add(new Undeliverable(recipient, "not a local mailbox address: " + recipient.searchKey()));
			} else if (!drop.hasMailbox(mailbox.get())) {
				refused.add(new Undeliverable(recipient, "no local mailbox " + mailbox.get()));
			} else {
				deliver(message.messageId(), mailbox.get(), content);
			}
		}
		return refused;
	}

	private void deliver(String messageId, String mailbox, byte[] content) {
		String id = LocalAddresses.deliveryId(messageId, mailbox);
		try {
			DropFolder.Outcome outcome = drop.deliver(mailbox, id, content);
			log.debug("Message {} for mailbox {} as {}: {}", messageId, mailbox, id, outcome);
		} catch (IOException e) {
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR,
					"could not write message " + messageId + " to mailbox " + mailbox + ": " + e, e);
		}
	}

	@Override
	public synchronized List<InboundMessage> poll() {
		requireOpen("IXPLogon::Poll");
		if (!traffic.inbound()) {
			return List.of();
		}
		List<Path> waiting;
		try {
			waiting = drop.waiting(settings.mailbox());
		} catch (IOException e) {
			log.warn("Mailbox {}: cannot list new/: {}", settings.mailbox(), e.toString());
			return List.of();
		}
		List<InboundMessage> messages = new ArrayList<>();
		for (Path file : waiting) {
			if (messages.size() == MAX_PER_POLL) {
				break;
			}
			read(file).ifPresent(messages::add);
		}
		return messages;
	}

	private Optional<InboundMessage> read(Path file) {
		String name = file.getFileName().toString();
		if (!isDeliveryId(name)) {
			if (misnamed.add(name)) {
				log.warn("Mailbox {}: ignoring new/{}, which this transport did not write", settings.mailbox(), name);
			}
			return Optional.empty();
		}
		try {
			long size = Files.size(file);
			if (size > MAX_MESSAGE_BYTES) {
				if (oversized.add(name)) {
					log.warn("Mailbox {}: new/{} has {} bytes, more than the {} this transport delivers; it stays where it is",
							settings.mailbox(), name, size, MAX_MESSAGE_BYTES);
				}
				return Optional.empty();
			}
			return Optional.of(new InboundMessage(name, Files.readAllBytes(file)));
		} catch (NoSuchFileException e) {
			log.debug("Mailbox {}: new/{} went away while being read", settings.mailbox(), name);
			return Optional.empty();
		} catch (IOException e) {
			log.warn("Mailbox {}: cannot read new/{}: {}", settings.mailbox(), name, e.toString());
			return Optional.empty();
		}
	}

	/**
	 * Moves the message to {@code cur/}, where it stays as a tombstone.
	 *
	 * @throws MapiException {@code MAPI_E_INVALID_PARAMETER} for a message this logon never
	 *                       returned; {@code MAPI_E_CALL_FAILED} when the move failed
	 */
	@Override
	public synchronized void delivered(InboundMessage message) {
		Objects.requireNonNull(message, "message");
		requireOpen("IXPLogon::Delivered");
		String id = message.deliveryId();
		if (!isDeliveryId(id)) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "not a delivery ID of " + displayName() + ": " + id);
		}
		try {
			if (!drop.markDelivered(settings.mailbox(), id, Instant.now())) {
				log.warn("Mailbox {}: delivered {}, which is not in new/ (delivered twice?)", settings.mailbox(), id);
			}
		} catch (IOException e) {
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED, "could not move " + id + " to cur/ in mailbox "
					+ settings.mailbox() + ": " + e, e);
		}
	}

	private static boolean isDeliveryId(String name) {
		return name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
	}

	/** Any outcome counts as logged off; unknown flag bits are ignored for that reason. */
	@Override
	public void transportLogoff(int flags) {
		synchronized (this) {
			requireOpen("IXPLogon::TransportLogoff");
			state = State.LOGGED_OFF;
		}
		cleanUp();
	}

	/** The provider's defensive logoff at {@code Shutdown}: does nothing if already done. */
	void logoffIfOpen() {
		synchronized (this) {
			if (state != State.OPEN) {
				return;
			}
			state = State.LOGGED_OFF;
		}
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
			cleanUp();
		}
	}

	private void cleanUp() {
		try {
			log.info("Peer transport logged off from mailbox {}", settings.mailbox());
			onLogoff.accept(this);
		} finally {
			support.release();
		}
	}

	private synchronized void requireOpen(String call) {
		if (state != State.OPEN) {
			throw new IllegalStateException(call + " on " + this + ", which is " + state);
		}
	}

	@Override
	public String toString() {
		return "PeerLogon[" + settings.mailbox() + "]";
	}
}

package org.mapihost.providers.transport.peer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiUid;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.Recipient;
import org.mapihost.api.TransportLogonFlag;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.providers.testkit.RecordingSupport;

/** Logons on one drop folder, as the runtime makes them, and messages to send. */
final class Peers {
	static final int NO_TRAFFIC = TransportLogonFlag.LOGON_NO_INBOUND.value() | TransportLogonFlag.LOGON_NO_OUTBOUND.value();
	static final int BEGIN = NotifyFlag.NOTIFY_BEGIN_INBOUND.value() | NotifyFlag.NOTIFY_BEGIN_OUTBOUND.value();

	final Path dropFolder;
	final RecordingLogger log = new RecordingLogger();
	final PeerTransportProvider provider = new PeerTransportProvider();

	Peers(Path dropFolder) {
		this.dropFolder = dropFolder;
		provider.log = log.logger;
	}

	/** A logon with traffic enabled, as after the runtime's {@code TransportNotify}. */
	PeerLogon logOn(String mailbox, String... moreSettings) {
		return logOn(support(mailbox, moreSettings));
	}

	PeerLogon logOn(RecordingSupport support) {
		PeerLogon logon = (PeerLogon) provider.transportLogon(support, "test-profile", NO_TRAFFIC);
		logon.transportNotify(BEGIN);
		return logon;
	}

	RecordingSupport support(String mailbox, String... moreSettings) {
		Map<String, String> settings = new HashMap<>();
		settings.put(PeerSettings.MAILBOX, mailbox);
		settings.put(PeerSettings.DROP_FOLDER, dropFolder.toString());
		for (int i = 0; i < moreSettings.length; i += 2) {
			settings.put(moreSettings[i], moreSettings[i + 1]);
		}
		return new RecordingSupport(ProviderKind.TRANSPORT, "peer", settings);
	}

	static OutboundMessage message(String messageId, Recipient... to) {
		return message(messageId, content(messageId, "Hello"), to);
	}

	static OutboundMessage message(String messageId, byte[] content, Recipient... to) {
		return new OutboundMessage(EntryId.of(MapiUid.random(), new byte[] { 1, 2, 3 }), messageId, peer("alice"), List.of(to), content);
	}

	static byte[] content(String messageId, String body) {
		return ("Message-ID: <" + messageId + ">\r\nSubject: test\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static Recipient peer(String mailbox) {
		return new Recipient(mailbox, "PEER", mailbox);
	}

	static Recipient smtp(String address) {
		return new Recipient(address, "SMTP", address);
	}
}

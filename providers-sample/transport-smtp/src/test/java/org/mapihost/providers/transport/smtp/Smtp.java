package org.mapihost.providers.transport.smtp;

import java.nio.charset.StandardCharsets;
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

/** Logons to a test server as the runtime makes them, and messages to send. */
final class Smtp {
	static final int NO_TRAFFIC = TransportLogonFlag.LOGON_NO_INBOUND.value() | TransportLogonFlag.LOGON_NO_OUTBOUND.value();
	static final int BEGIN = NotifyFlag.NOTIFY_BEGIN_INBOUND.value() | NotifyFlag.NOTIFY_BEGIN_OUTBOUND.value();

	final RecordingLogger log = new RecordingLogger();
	final SmtpTransportProvider provider = new SmtpTransportProvider();
	private final int port;

	Smtp(int port) {
		this.port = port;
		provider.log = log.logger;
	}

	/** A logon with traffic enabled, as after the runtime's {@code TransportNotify}. */
	SmtpLogon logOn(String... settings) {
		return logOn(support(settings));
	}

	SmtpLogon logOn(RecordingSupport support) {
		SmtpLogon logon = (SmtpLogon) provider.transportLogon(support, "test-profile", NO_TRAFFIC);
		logon.transportNotify(BEGIN);
		return logon;
	}

	RecordingSupport support(String... moreSettings) {
		Map<String, String> settings = new HashMap<>();
		settings.put(SmtpSettings.HOST, "127.0.0.1");
		settings.put(SmtpSettings.PORT, String.valueOf(port));
		settings.put(SmtpSettings.TIMEOUT_MILLIS, "10000");
		for (int i = 0; i < moreSettings.length; i += 2) {
			settings.put(moreSettings[i], moreSettings[i + 1]);
		}
		return new RecordingSupport(ProviderKind.TRANSPORT, "smtp", settings);
	}

	static OutboundMessage message(String messageId, String subject, Recipient... to) {
		return message(messageId, smtp("alice@example.org"), subject, to);
	}

	static OutboundMessage message(String messageId, Recipient sender, String subject, Recipient... to) {
		StringBuilder text = new StringBuilder();
		text.append("Message-ID: <").append(messageId).append(">\r\n");
		text.append("From: ").append(sender.address()).append("\r\n");
		text.append("To: ").append(String.join(", ", List.of(to).stream().map(Recipient::address).toList())).append("\r\n");
		text.append("Subject: ").append(subject).append("\r\n\r\n");
		text.append("Hello from ").append(messageId).append(".\r\n.leading dot\r\n");
		return new OutboundMessage(EntryId.of(MapiUid.random(), new byte[] { 1 }), messageId, sender, List.of(to),
				text.toString().getBytes(StandardCharsets.UTF_8));
	}

	static Recipient smtp(String address) {
		return new Recipient(address, "SMTP", address);
	}
}

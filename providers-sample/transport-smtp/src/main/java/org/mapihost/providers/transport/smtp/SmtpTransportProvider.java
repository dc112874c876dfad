package org.mapihost.providers.transport.smtp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.TransportLogonFlag;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.TransportProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The SMTP transport's {@code IXPProvider}; one object per session. {@code shutdown} logs
 * off any logon still open. {@code this} guards {@code shutDown} and {@code logons}; logons
 * are never called under it.
 */
@Component(scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = SmtpTransportProvider.NAME, type = ProviderKind.TRANSPORT, display = SmtpTransportProvider.DISPLAY)
public class SmtpTransportProvider implements TransportProvider {
	static final String NAME = "org.mapihost.providers.transport.smtp";
	static final String DISPLAY = "SMTP transport";

	private static final TransportLogonFlag[] LOGON_FLAGS = { TransportLogonFlag.LOGON_NO_DIALOG,
			TransportLogonFlag.LOGON_NO_CONNECT, TransportLogonFlag.LOGON_NO_INBOUND, TransportLogonFlag.LOGON_NO_OUTBOUND,
			TransportLogonFlag.MAPI_UNICODE, TransportLogonFlag.LOGON_SP_POLL, TransportLogonFlag.LOGON_SP_IDLE };

	@Reference(service = LoggerFactory.class)
	Logger log;

	private final Set<SmtpLogon> logons = new LinkedHashSet<>();
	private boolean shutDown;

	@Override
	public TransportLogon transportLogon(ProviderSupport support, String profileName, int flags) {
		Objects.requireNonNull(support, "support");
		requireOpen("IXPProvider::TransportLogon");
		MapiFlags.requireKnown("IXPProvider::TransportLogon", flags, LOGON_FLAGS);
		SmtpLogon logon = SmtpLogon.logOn(support, flags, DISPLAY, log, this::loggedOff);
		synchronized (this) {
			logons.add(logon);
		}
		return logon;
	}

	@Override
	public void shutdown(int flags) {
		MapiFlags.requireKnown("IXPProvider::Shutdown", flags, DeinitFlag.values());
		boolean hurry = (flags & DeinitFlag.DEINIT_HURRY.value()) != 0;
		List<SmtpLogon> open;
		synchronized (this) {
			requireOpen("IXPProvider::Shutdown");
			shutDown = true;
			open = new ArrayList<>(logons);
		}
		for (SmtpLogon logon : open) {
			log.warn("IXPProvider::Shutdown with {} still logged on; logging it off", logon);
			logon.logoffIfOpen(hurry);
		}
	}

	private synchronized void loggedOff(SmtpLogon logon) {
		logons.remove(logon);
	}

	private synchronized void requireOpen(String call) {
		if (shutDown) {
			throw new IllegalStateException(call + " on a transport provider that was shut down");
		}
	}
}

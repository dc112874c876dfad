package org.mapihost.itests.valve.internal;

import java.util.List;

import org.mapihost.api.MapiFlags;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.Recipient;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.TransportProvider;
import org.mapihost.api.provider.Undeliverable;
import org.mapihost.itests.valve.Valve;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The valve transport provider: takes {@code VALVE} addresses and passes each message through {@link Valve}. */
@Component(service = TransportProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = Valve.PROVIDER, type = ProviderKind.TRANSPORT, display = "Valve transport")
public class ValveTransportProvider implements TransportProvider {

	@Override
	public TransportLogon transportLogon(ProviderSupport support, String profileName, int flags) {
		support.modifyStatusRow(StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, "Valve")
				.set(StatusColumn.PR_PROVIDER_DISPLAY, "Valve transport")
				.set(StatusColumn.PR_STATUS_CODE, 0)
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build(), 0);
		return new Logon(support);
	}

	@Override
	public void shutdown(int flags) {
	}

	private static final class Logon implements TransportLogon {
		private final ProviderSupport support;

		Logon(ProviderSupport support) {
			this.support = support;
		}

		@Override
		public List<String> addressTypes() {
			return List.of(Valve.ADDRESS_TYPE);
		}

		@Override
		public void transportNotify(int flags) {
			Valve.record("TransportNotify " + String.join("|", MapiFlags.names(NotifyFlag.class, flags)));
		}

		@Override
		public List<Undeliverable> submitMessage(OutboundMessage message, List<Recipient> recipients) {
			Valve.pass(message);
			return List.of();
		}

		@Override
		public void transportLogoff(int flags) {
			Valve.record("TransportLogoff");
			support.release();
		}

		@Override
		public void release() {
		}
	}
}

package org.mapihost.itests.faulty.internal;

import java.util.List;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.Recipient;
import org.mapihost.api.provider.InboundMessage;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.TransportProvider;
import org.mapihost.api.provider.Undeliverable;
import org.mapihost.itests.faulty.FaultyProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The faulty transport provider ({@code IXPProvider}); one instance per {@code XPProviderInit}.
 * It takes {@code FAULTY} recipients and sends them nowhere (every message counts as sent),
 * receives nothing, and releases its support object in TransportLogoff.
 */
@Component(service = TransportProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = FaultyProviders.XP, type = ProviderKind.TRANSPORT, display = FaultyTransportProvider.DISPLAY)
public class FaultyTransportProvider extends FaultyProvider implements TransportProvider {
	static final String DISPLAY = "Faulty transport";

	@Activate
	public FaultyTransportProvider(@Reference Hangs hangs) {
		super(hangs, ProviderKind.TRANSPORT);
	}

	@Override
	public TransportLogon transportLogon(ProviderSupport support, String profileName, int flags) {
		FaultySupport faulty = beginLogon("transportLogon", support);
		faulty.register(false, DISPLAY);
		return new Logon(faulty);
	}

	@Deactivate
	void deactivate() {
		released();
	}

	private final class Logon implements TransportLogon {
		private final FaultySupport support;

		Logon(FaultySupport support) {
			this.support = support;
		}

		@Override
		public List<String> addressTypes() {
			enter("addressTypes", support.plan);
			return List.of(FaultyProviders.ADDRESS_TYPE);
		}

		@Override
		public void transportNotify(int flags) {
			enter("transportNotify", support.plan);
		}

		@Override
		public List<Undeliverable> submitMessage(OutboundMessage message, List<Recipient> recipients) {
			enter("submitMessage", support.plan);
			return List.of();
		}

		@Override
		public List<InboundMessage> poll() {
			enter("poll", support.plan);
			return List.of();
		}

		@Override
		public void transportLogoff(int flags) {
			enter("transportLogoff", support.plan);
			support.release("transportLogoff");
		}

		@Override
		public void release() {
			enter("logon.release", support.plan);
		}
	}
}

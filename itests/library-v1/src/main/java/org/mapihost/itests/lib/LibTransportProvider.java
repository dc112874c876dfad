package org.mapihost.itests.lib;

import java.util.List;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.TransportProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The library's transport ({@code IXPProvider}); one instance per {@code XPProviderInit}. It
 * carries no traffic; its logons release their support object in {@code TransportLogoff}.
 */
@Component(service = TransportProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = LibraryProviders.XP, type = ProviderKind.TRANSPORT, display = LibraryProviders.XP_DISPLAY)
public class LibTransportProvider implements TransportProvider {
	/** The address type the library's transport claims. */
	static final String ADDRESS_TYPE = "LIB";
	private final String id = Probe.newId("xpp");

	@Activate
	void activate() {
		Probe.tell(id, "activate");
	}

	@Deactivate
	void deactivate() {
		Probe.tell(id, "deactivate");
	}

	@Override
	public TransportLogon transportLogon(ProviderSupport support, String profileName, int flags) {
		String entryName = support.openProfileSection().entryName();
		support.modifyStatusRow(LibraryProviders.row(entryName, LibraryProviders.XP_DISPLAY), 0);
		Probe.tell(id, "logon", entryName);
		return new Logon(support, entryName);
	}

	@Override
	public void shutdown(int flags) {
		Probe.tell(id, "shutdown");
	}

	private static final class Logon implements TransportLogon {
		private final String id = Probe.newId("xpl");
		private final ProviderSupport support;
		private final String entryName;

		Logon(ProviderSupport support, String entryName) {
			this.support = support;
			this.entryName = entryName;
		}

		@Override
		public List<String> addressTypes() {
			return List.of(ADDRESS_TYPE);
		}

		@Override
		public void transportNotify(int flags) {
			Probe.tell(id, "transportNotify", entryName);
		}

		@Override
		public void transportLogoff(int flags) {
			Probe.tell(id, "logoff", entryName);
			support.release();
		}

		@Override
		public void release() {
			Probe.tell(id, "logon-release", entryName);
		}
	}
}

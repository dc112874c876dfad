package org.mapihost.providers.memab;

import org.mapihost.api.ProviderKind;
import java.util.Objects;

import org.mapihost.api.AbLogonFlag;
import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The in-memory address book's {@code IABProvider}; one object per session. {@code this}
 * guards {@code shutDown}.
 */
@Component(scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = MemAbProvider.NAME, type = ProviderKind.ADDRESS_BOOK, display = MemAbProvider.DISPLAY)
public class MemAbProvider implements AddressBookProvider {
	static final String NAME = "org.mapihost.sample.memab";
	static final String DISPLAY = "In-memory address book";

	private boolean shutDown;

	@Override
	public AddressBookLogon logon(ProviderSupport support, String profileName, int flags) {
		Objects.requireNonNull(support, "support");
		requireOpen("IABProvider::Logon");
		MapiFlags.requireKnown("IABProvider::Logon", flags, AbLogonFlag.values());
		return MemAbLogon.logOn(support, DISPLAY);
	}

	@Override
	public synchronized void shutdown(int flags) {
		requireOpen("IABProvider::Shutdown");
		MapiFlags.requireKnown("IABProvider::Shutdown", flags, DeinitFlag.values());
		shutDown = true;
	}

	private synchronized void requireOpen(String call) {
		if (shutDown) {
			throw new IllegalStateException(call + " on an address-book provider that was shut down");
		}
	}
}

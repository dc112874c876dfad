package org.mapihost.itests.faulty.internal;

import java.util.List;

import org.mapihost.api.EntryId;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.Recipient;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.itests.faulty.FaultyProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The faulty address-book provider ({@code IABProvider}); one instance per {@code ABProviderInit}.
 * Its logons resolve every name to a one-off {@code FAULTY:} recipient and release their support
 * object in Logoff.
 */
@Component(service = AddressBookProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = FaultyProviders.AB, type = ProviderKind.ADDRESS_BOOK, display = FaultyAddressBookProvider.DISPLAY)
public class FaultyAddressBookProvider extends FaultyProvider implements AddressBookProvider {
	static final String DISPLAY = "Faulty address book";
	private static final int MAPI_MAILUSER = 6;

	@Activate
	public FaultyAddressBookProvider(@Reference Hangs hangs) {
		super(hangs, ProviderKind.ADDRESS_BOOK);
	}

	@Override
	public AddressBookLogon logon(ProviderSupport support, String profileName, int flags) {
		FaultySupport faulty = beginLogon("logon", support);
		faulty.register(true, DISPLAY);
		return new Logon(faulty);
	}

	@Deactivate
	void deactivate() {
		released();
	}

	private final class Logon implements AddressBookLogon {
		private final FaultySupport support;

		Logon(FaultySupport support) {
			this.support = support;
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			enter("openEntry", support.plan);
			return new FaultyEntry(entryId, MAPI_MAILUSER, support.section.entryName());
		}

		@Override
		public List<Recipient> resolveName(String name) {
			enter("resolveName", support.plan);
			return List.of(Recipient.parse(FaultyProviders.ADDRESS_TYPE + ":" + name.strip()));
		}

		@Override
		public void logoff(int flags) {
			enter("logoff", support.plan);
			support.release("logoff");
		}

		@Override
		public void release() {
			enter("logon.release", support.plan);
		}
	}
}

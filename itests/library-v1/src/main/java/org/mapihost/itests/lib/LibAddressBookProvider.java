package org.mapihost.itests.lib;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The library's address book ({@code IABProvider}); one instance per {@code ABProviderInit}. Its
 * logons release their support object in {@code Logoff}.
 */
@Component(service = AddressBookProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = LibraryProviders.AB, type = ProviderKind.ADDRESS_BOOK, display = LibraryProviders.AB_DISPLAY)
public class LibAddressBookProvider implements AddressBookProvider {
	private static final int MAPI_MAILUSER = 6;
	private final String id = Probe.newId("abp");

	@Activate
	void activate() {
		Probe.tell(id, "activate");
	}

	@Deactivate
	void deactivate() {
		Probe.tell(id, "deactivate");
	}

	@Override
	public AddressBookLogon logon(ProviderSupport support, String profileName, int flags) {
		String entryName = support.openProfileSection().entryName();
		MapiUid uid = support.newUid();
		support.setProviderUid(uid, 0);
		support.modifyStatusRow(LibraryProviders.row(entryName, LibraryProviders.AB_DISPLAY), 0);
		Probe.tell(id, "logon", entryName);
		return new Logon(support, uid, entryName);
	}

	@Override
	public void shutdown(int flags) {
		Probe.tell(id, "shutdown");
	}

	private static final class Logon implements AddressBookLogon {
		private final String id = Probe.newId("abl");
		private final ProviderSupport support;
		private final MapiUid uid;
		private final String entryName;

		Logon(ProviderSupport support, MapiUid uid, String entryName) {
			this.support = support;
			this.uid = uid;
			this.entryName = entryName;
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			Probe.tell(id, "openEntry", entryName);
			return new LibEntry(entryId, uid, MAPI_MAILUSER, entryName, LibraryProviders.AB_DISPLAY);
		}

		@Override
		public void logoff(int flags) {
			Probe.tell(id, "logoff", entryName);
			support.release();
		}

		@Override
		public void release() {
			Probe.tell(id, "logon-release", entryName);
		}
	}
}

package org.mapihost.providers.addressbook;

import java.util.Objects;

import org.mapihost.api.AbLogonFlag;
import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The vCard address book's {@code IABProvider}: contacts from a {@code .vcf} file (one or more
 * vCards 2.1, 3.0 or 4.0, UTF-8), read again whenever the file changes. One object per session.
 * <p>
 * Settings of the profile entry:
 * <ul>
 * <li>{@value AbSettings#FILE} (required): the path of the file. A file that does not exist
 * is an empty address book, with a warning in the log, until it does. Files larger than 16 MiB
 * are refused with a log line, as are files with more than 10,000 cards; the contacts of the
 * last good read stay in place.</li>
 * <li>{@value AbSettings#DISPLAY_NAME} (optional): the address book's name, in its status row
 * and container; the entry's name by default.</li>
 * <li>{@value AbSettings#ONE_OFF_TYPES} (optional): the address types a typed one-off
 * ({@code TYPE:address}) may have, comma-separated; {@code *}, the default, accepts any.</li>
 * </ul>
 * A contact's address is its first {@code X-MAPIHOST-ADDRESS} property, written
 * {@code TYPE:address} ({@code X-MAPIHOST-ADDRESS:PEER:bob} is the local mailbox {@code bob}
 * of the peer transport); without one, its preferred (else first) {@code EMAIL} as
 * {@code SMTP}. A contact with neither is listed but cannot be a recipient. The display name
 * is the card's {@code FN} (else {@code N}, else the address).
 * <p>
 * The MAPIUID is derived from the file's real path, so entry IDs stay valid across logons and
 * restarts; a contact's entry ID is derived from its {@code UID} (else from its card's text).
 * Malformed cards are left out, each logged with its place in the file and counted in the
 * status row. {@code this} guards {@code shutDown}.
 */
@Component(scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = VCardAddressBookProvider.NAME, type = ProviderKind.ADDRESS_BOOK, display = VCardAddressBookProvider.DISPLAY)
public class VCardAddressBookProvider implements AddressBookProvider {
	static final String NAME = "org.mapihost.providers.addressbook";
	static final String DISPLAY = "vCard address book";

	@Reference(service = LoggerFactory.class)
	Logger log;

	private boolean shutDown;

	@Override
	public AddressBookLogon logon(ProviderSupport support, String profileName, int flags) {
		Objects.requireNonNull(support, "support");
		requireOpen("IABProvider::Logon");
		MapiFlags.requireKnown("IABProvider::Logon", flags, AbLogonFlag.values());
		return VCardAbLogon.logOn(support, DISPLAY, log);
	}

	@Override
	public synchronized void shutdown(int flags) {
		requireOpen("IABProvider::Shutdown");
		MapiFlags.requireKnown("IABProvider::Shutdown", flags, DeinitFlag.values());
		shutDown = true;
	}

	private synchronized void requireOpen(String call) {
		if (shutDown) {
			throw new IllegalStateException(call + " on a vCard address-book provider that was shut down");
		}
	}
}

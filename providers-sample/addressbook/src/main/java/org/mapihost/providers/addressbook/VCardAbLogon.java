package org.mapihost.providers.addressbook;

import java.util.List;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiUid;
import org.mapihost.api.OpenEntryFlag;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.providers.addressbook.vcard.ContactFile;
import org.mapihost.providers.addressbook.vcard.ContactId;
import org.mapihost.providers.addressbook.vcard.ContactSnapshot;
import org.mapihost.providers.addressbook.vcard.EntryIdCodec;
import org.mapihost.providers.addressbook.vcard.EntryTarget;
import org.mapihost.providers.addressbook.vcard.NameResolver;
import org.mapihost.providers.addressbook.vcard.OneOffAddress;
import org.mapihost.providers.addressbook.vcard.Resolution;
import org.osgi.service.log.Logger;

/**
 * One logon of the vCard address book. Every call first looks whether the file changed (one
 * {@code stat}) and reads it again if so, then updates the status row; so a contact added to
 * the file resolves at the next call. {@code logoff} releases the support object, last;
 * {@code release} does so only when {@code logoff} was never called.
 * <p>
 * Concurrency: {@code lock} guards {@code state}, {@code supportReleased} and {@code reported};
 * the file is looked at and the status row set under it, so that rows go out in the order of
 * the reads and never after the support object was released (the runtime's support methods
 * take no lock a caller of this logon holds). {@link ContactFile} has its own lock, taken after
 * {@code lock}.
 */
final class VCardAbLogon implements AddressBookLogon {
	static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

	private enum State { OPEN, LOGGED_OFF, RELEASED }

	private final ProviderSupport support;
	private final Logger log;
	private final AbSettings settings;
	private final MapiUid uid;
	private final ContactFile file;
	private final NameResolver resolver;
	private final Object lock = new Object();
	private State state = State.OPEN;
	private boolean supportReleased;
	private ContactSnapshot reported;

	private VCardAbLogon(ProviderSupport support, Logger log, AbSettings settings, MapiUid uid, ContactSnapshot first,
			ContactFile file) {
		this.support = support;
		this.log = log;
		this.settings = settings;
		this.uid = uid;
		this.file = file;
		this.resolver = new NameResolver(settings.oneOffTypes());
		this.reported = first;
	}

	/**
	 * {@code IABProvider::Logon}: reads the settings and the file, then registers the MAPIUID
	 * and the status row.
	 *
	 * @throws MapiException {@code MAPI_E_UNCONFIGURED} for a missing or bad setting, before
	 *                       anything is registered
	 */
	static VCardAbLogon logOn(ProviderSupport support, String providerDisplay, Logger log) {
		AbSettings settings = AbSettings.from(support.openProfileSection());
		ContactFile file = new ContactFile(settings.file(), MAX_FILE_BYTES, ContactFile.DEFAULT_MAX_CARDS);
		ContactSnapshot first = file.contacts();
		MapiUid uid = settings.uid();
		support.setProviderUid(uid, 0);
		support.modifyStatusRow(SnapshotReport.row(settings.displayName(), providerDisplay, first), 0);
		SnapshotReport.log(log, settings.displayName(), settings.file(), null, first);
		log.info("vCard address book '{}' logged on: file {}, MAPIUID {}", settings.displayName(), settings.file(), uid);
		return new VCardAbLogon(support, log, settings, uid, first, file);
	}

	@Override
	public PropObject openEntry(EntryId entryId, int flags) {
		MapiFlags.requireKnown("IABLogon::OpenEntry", flags, OpenEntryFlag.values());
		if ((flags & OpenEntryFlag.MAPI_MODIFY.value()) != 0) {
			throw new MapiException(ResultCode.MAPI_E_NO_ACCESS, "vCard address book '" + settings.displayName()
					+ "' is read-only: edit " + settings.file() + " instead");
		}
		ContactSnapshot snapshot = contacts("IABLogon::OpenEntry");
		EntryTarget target = entryId == null ? null : EntryIdCodec.fromEntryId(entryId, uid);
		if (target instanceof ContactId id) {
			return AbEntry.mailUser(uid, snapshot.find(id).orElseThrow(() -> new MapiException(ResultCode.MAPI_E_NOT_FOUND,
					"vCard address book '" + settings.displayName() + "' has no contact " + id + " (entry ID " + entryId
							+ "); it was removed from " + settings.file() + " or its UID changed")));
		}
		if (target instanceof OneOffAddress oneOff) {
			return AbEntry.mailUser(uid, oneOff);
		}
		return AbEntry.container(uid, settings.displayName(), snapshot.contacts());
	}

	@Override
	public List<Recipient> resolveName(String name) {
		if (name == null || name.isBlank()) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "ResolveName needs a name, got '" + name + "'");
		}
		ContactSnapshot snapshot = contacts("IABLogon::ResolveName");
		Resolution resolution = resolver.resolve(name, snapshot.contacts());
		List<Recipient> matches;
		if (resolution instanceof Resolution.Unique unique) {
			matches = List.of(AbEntry.recipient(unique.contact()));
		} else if (resolution instanceof Resolution.Ambiguous ambiguous) {
			matches = ambiguous.candidates().stream().map(AbEntry::recipient).toList();
		} else if (resolution instanceof Resolution.OneOff oneOff) {
			matches = List.of(AbEntry.recipientOf(oneOff.address()));
		} else {
			log.debug("vCard address book '{}' did not resolve '{}': {}", settings.displayName(), name,
					((Resolution.Unresolved) resolution).reason());
			return List.of();
		}
		log.debug("vCard address book '{}' resolved '{}' to {}", settings.displayName(), name, matches);
		return matches;
	}

	/** The contacts, read again when the file changed; a new read is logged and put in the status row. */
	private ContactSnapshot contacts(String call) {
		synchronized (lock) {
			if (state != State.OPEN) {
				throw new IllegalStateException(call + " on vCard address book '" + settings.displayName() + "', which is " + state);
			}
			ContactSnapshot current = file.contacts();
			if (current != reported) {
				SnapshotReport.log(log, settings.displayName(), settings.file(), reported, current);
				reported = current;
				updateStatusRow(current);
			}
			return current;
		}
	}

	private void updateStatusRow(ContactSnapshot snapshot) {
		try {
			support.modifyStatusRow(SnapshotReport.update(snapshot), StatusRowFlag.STATUSROW_UPDATE.value());
		} catch (MapiException e) {
			log.warn("vCard address book '{}' could not update its status row: {}", settings.displayName(), e.getMessage());
		}
	}

	@Override
	public void logoff(int flags) {
		synchronized (lock) {
			if (state != State.OPEN) {
				throw new IllegalStateException("IABLogon::Logoff on vCard address book '" + settings.displayName() + "', which is "
						+ state);
			}
			state = State.LOGGED_OFF;
			supportReleased = true;
		}
		log.info("vCard address book '{}' logged off", settings.displayName());
		support.release();
	}

	@Override
	public void release() {
		boolean releaseSupport;
		synchronized (lock) {
			if (state == State.RELEASED) {
				throw new IllegalStateException("IABLogon::Release on vCard address book '" + settings.displayName()
						+ "', which was already released");
			}
			state = State.RELEASED;
			releaseSupport = !supportReleased;
			supportReleased = true;
		}
		if (releaseSupport) {
			log.warn("vCard address book '{}' released without a logoff; its support object is released now", settings.displayName());
			support.release();
		}
	}

	@Override
	public String toString() {
		return "VCardAbLogon[" + settings.displayName() + ", " + settings.file() + ", " + uid + "]";
	}
}

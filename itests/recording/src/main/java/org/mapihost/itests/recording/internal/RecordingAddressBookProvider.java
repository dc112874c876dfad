package org.mapihost.itests.recording.internal;

import org.mapihost.api.ProviderKind;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mapihost.api.AbLogonFlag;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.itests.recording.RecordingProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The recording address-book provider ({@code IABProvider}); one instance per
 * {@code ABProviderInit}. Its logons release their support object in {@code Logoff}.
 */
@Component(service = AddressBookProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = RecordingProviders.AB, type = ProviderKind.ADDRESS_BOOK, display = RecordingAddressBookProvider.DISPLAY)
public class RecordingAddressBookProvider extends RecordingProvider implements AddressBookProvider {
	static final String DISPLAY = "Recording address book";
	private static final int MAPI_MAILUSER = 6;

	@Activate
	public RecordingAddressBookProvider(@Reference Journal journal) {
		super(journal, RecordingProviders.AB, DISPLAY, "abp", "IABProvider", "ABProviderInit");
	}

	@Override
	public AddressBookLogon logon(ProviderSupport support, String profileName, int flags) {
		String logonId = journal.newId("abl");
		RecordingSupport recording = beginLogon("IABProvider::Logon", support, logonId,
				String.join("|", MapiFlags.names(AbLogonFlag.class, flags)));
		registerUids(recording);
		setStatusRow(recording);
		logonCreated(logonId);
		return new Logon(recording, logonId, recording.section().entryName());
	}

	@Deactivate
	void deactivate() {
		released();
	}

	private final class Logon implements AddressBookLogon {
		private final RecordingSupport support;
		private final String logonId;
		private final String entryName;
		private final AtomicBoolean loggedOff = new AtomicBoolean();
		private final AtomicBoolean released = new AtomicBoolean();

		Logon(RecordingSupport support, String logonId, String entryName) {
			this.support = support;
			this.logonId = logonId;
			this.entryName = entryName;
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			journal.record(name, logonId, "IABLogon::OpenEntry", entryId.toString());
			if (loggedOff.get() || released.get()) {
				journal.problem(name, logonId, "IABLogon::OpenEntry after Logoff");
			}
			return new RecordedEntry(journal, name, journal.newId(logonId + "/entry"), entryId, MAPI_MAILUSER, entryName);
		}

		@Override
		public void logoff(int flags) {
			journal.record(name, logonId, "IABLogon::Logoff", Integer.toHexString(flags));
			if (!loggedOff.compareAndSet(false, true) || released.get()) {
				journal.problem(name, logonId, "IABLogon::Logoff twice or after Release");
			}
			support.release();
			if (support.fault() == Fault.THROW_IN_LOGOFF) {
				throw Fault.THROW_IN_LOGOFF.injected();
			}
		}

		@Override
		public void release() {
			journal.record(name, logonId, "IABLogon::Release", "");
			if (!released.compareAndSet(false, true)) {
				journal.problem(name, logonId, "IABLogon::Release twice");
			}
			if (!loggedOff.get()) {
				journal.problem(name, logonId, "IABLogon::Release without IABLogon::Logoff");
			}
			logonReleased(logonId);
		}
	}
}

package org.mapihost.itests.recording.internal;

import org.mapihost.api.ProviderKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mapihost.api.MapiFlags;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.TransportLogoffFlag;
import org.mapihost.api.TransportLogonFlag;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.api.provider.TransportProvider;
import org.mapihost.itests.recording.RecordingProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The recording transport provider ({@code IXPProvider}); one instance per
 * {@code XPProviderInit}. It carries no traffic; its logons release their support object in
 * {@code TransportLogoff}.
 */
@Component(service = TransportProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = RecordingProviders.XP, type = ProviderKind.TRANSPORT, display = RecordingTransportProvider.DISPLAY)
public class RecordingTransportProvider extends RecordingProvider implements TransportProvider {
	static final String DISPLAY = "Recording transport";
	/** The address type the recording transport claims. */
	static final String ADDRESS_TYPE = "ITEST";

	@Activate
	public RecordingTransportProvider(@Reference Journal journal) {
		super(journal, RecordingProviders.XP, DISPLAY, "xpp", "IXPProvider", "XPProviderInit");
	}

	@Override
	public TransportLogon transportLogon(ProviderSupport support, String profileName, int flags) {
		String logonId = journal.newId("xpl");
		RecordingSupport recording = beginLogon("IXPProvider::TransportLogon", support, logonId,
				String.join("|", MapiFlags.names(TransportLogonFlag.class, flags)));
		setStatusRow(recording);
		logonCreated(logonId);
		return new Logon(recording, logonId);
	}

	@Deactivate
	void deactivate() {
		released();
	}

	private final class Logon implements TransportLogon {
		private final RecordingSupport support;
		private final String logonId;
		private final AtomicBoolean loggedOff = new AtomicBoolean();
		private final AtomicBoolean released = new AtomicBoolean();

		Logon(RecordingSupport support, String logonId) {
			this.support = support;
			this.logonId = logonId;
		}

		@Override
		public List<String> addressTypes() {
			journal.record(name, logonId, "IXPLogon::AddressTypes", "");
			expectLoggedOn("IXPLogon::AddressTypes");
			return List.of(ADDRESS_TYPE);
		}

		@Override
		public void transportNotify(int flags) {
			journal.record(name, logonId, "IXPLogon::TransportNotify", String.join("|", MapiFlags.names(NotifyFlag.class, flags)));
			expectLoggedOn("IXPLogon::TransportNotify");
		}

		@Override
		public void transportLogoff(int flags) {
			journal.record(name, logonId, "IXPLogon::TransportLogoff",
					String.join("|", MapiFlags.names(TransportLogoffFlag.class, flags)));
			expectLoggedOn("IXPLogon::TransportLogoff");
			loggedOff.set(true);
			support.release();
			if (support.fault() == Fault.THROW_IN_LOGOFF) {
				throw Fault.THROW_IN_LOGOFF.injected();
			}
		}

		@Override
		public void release() {
			journal.record(name, logonId, "IXPLogon::Release", "");
			if (!released.compareAndSet(false, true)) {
				journal.problem(name, logonId, "IXPLogon::Release twice");
			}
			if (!loggedOff.get()) {
				journal.problem(name, logonId, "IXPLogon::Release without IXPLogon::TransportLogoff");
			}
			logonReleased(logonId);
		}

		private void expectLoggedOn(String call) {
			if (loggedOff.get() || released.get()) {
				journal.problem(name, logonId, call + " after IXPLogon::TransportLogoff");
			}
		}
	}
}

package org.mapihost.itests.recording.internal;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.provider.MapiProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.itests.recording.RecordingProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** The recording message-store provider ({@code IMSProvider}); one instance per {@code MSProviderInit}. */
@Component(service = MessageStoreProvider.class, scope = ServiceScope.PROTOTYPE)
@MapiProvider(name = RecordingProviders.STORE, type = ProviderKind.STORE, display = RecordingStoreProvider.DISPLAY)
public class RecordingStoreProvider extends RecordingProvider implements MessageStoreProvider {
	static final String DISPLAY = "Recording store";

	@Activate
	public RecordingStoreProvider(@Reference Journal journal) {
		super(journal, RecordingProviders.STORE, DISPLAY, "msp", "IMSProvider", "MSProviderInit");
	}

	@Override
	public StoreLogon logon(ProviderSupport support, String profileName, int flags) {
		String logonId = journal.newId("msl");
		RecordingSupport recording = beginLogon("IMSProvider::Logon", support, logonId,
				String.join("|", MapiFlags.names(MdbFlag.class, flags)));
		RecordingStore store = new RecordingStore(this, recording, logonId, recording.section().entryName());
		registerUids(recording);
		setStatusRow(recording);
		logonCreated(logonId);
		return store.logon();
	}

	@Deactivate
	void deactivate() {
		released();
	}
}

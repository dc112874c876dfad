package org.mapihost.bench.noop;

import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;

/** The support object of the baseline, which calls the provider without the runtime: it answers and keeps nothing. */
public final class NoopSupport implements ProviderSupport {
	@Override
	public ProviderKind kind() {
		return ProviderKind.STORE;
	}

	@Override
	public ProfileSection openProfileSection() {
		throw new UnsupportedOperationException("the no-op provider reads no settings");
	}

	@Override
	public MapiUid newUid() {
		throw new UnsupportedOperationException("the no-op provider registers no MAPIUID");
	}

	@Override
	public void setProviderUid(MapiUid uid, int flags) {
		// kept nowhere
	}

	@Override
	public void modifyStatusRow(StatusRow row, int flags) {
		// kept nowhere
	}

	@Override
	public int storeLogoffTransports(int flag) {
		return StoreLogoffFlag.LOGOFF_COMPLETE.value();
	}

	@Override
	public void release() {
		// nothing held
	}
}

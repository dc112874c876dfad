package org.mapihost.runtime.session;

import java.util.ArrayList;
import java.util.List;

import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.StoreLogon;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.runtime.leaks.LeakTracker;
import org.mapihost.runtime.profile.Profile;
import org.mapihost.runtime.support.LogonContext;
import org.mapihost.runtime.support.Support;
import org.mapihost.runtime.trace.TraceRecorder;
import org.mapihost.runtime.watch.CallWatch;

/**
 * One provider logon of a session ({@code IMSLogon}, {@code IABLogon} or {@code IXPLogon})
 * with its support object. Its mutable fields are guarded by the session's operations lock.
 */
final class Logon implements LogonContext {
	final String id;
	final ProviderObject provider;
	final Profile.Entry entry;
	final Session session;
	final Support support;
	Object providerLogon;
	StoreHandle storeHandle;
	boolean trafficEnabled;
	List<String> addressTypes = List.of();
	boolean registrationsRemoved;
	boolean transportsCheckReported;
	final List<EntryHandle> openEntries = new ArrayList<>();
	LeakTracker.Tracked tracked;
	final LeakTracker.Tracked supportTracked;

	Logon(String id, String supportId, ProviderObject provider, Profile.Entry entry, Session session) {
		this.id = id;
		this.provider = provider;
		this.entry = entry;
		this.session = session;
		this.support = new Support(supportId, this);
		this.supportTracked = session.services.leaks().track("support object", () -> supportId + " of " + id + " (" + providerName()
				+ ", session " + session.id() + "): the provider never released it", support::heldAfterLogon);
		support.onRelease(supportTracked::released);
	}

	String logonInterface() {
		return "I" + kind().prefix() + "Logon";
	}

	StoreLogon storeLogon() {
		return (StoreLogon) providerLogon;
	}

	AddressBookLogon addressBookLogon() {
		return (AddressBookLogon) providerLogon;
	}

	TransportLogon transportLogon() {
		return (TransportLogon) providerLogon;
	}

	@Override
	public ProviderKind kind() {
		return provider.service.kind();
	}

	@Override
	public String sessionId() {
		return session.id();
	}

	@Override
	public String providerName() {
		return provider.service.name();
	}

	@Override
	public ProfileSection profileSection() {
		return new ProfileSection(session.profileName(), entry.name(), entry.providerName(), entry.settings());
	}

	@Override
	public TraceRecorder trace() {
		return session.services.trace();
	}

	@Override
	public CallWatch watch() {
		return session.services.watch();
	}

	@Override
	public void registerUid(MapiUid uid) {
		session.uids.register(uid, this);
	}

	@Override
	public void modifyStatusRow(StatusRow row, boolean update) {
		session.status.modify(id, kind(), provider.service.bundleName(), row, update);
	}

	@Override
	public int logoffTransports(StoreLogoffFlag flag) {
		if (session.spooler == null || storeHandle == null) {
			return StoreLogoffFlag.LOGOFF_COMPLETE.value();
		}
		return session.spooler.storeLogoff(storeHandle.id(), flag);
	}
}

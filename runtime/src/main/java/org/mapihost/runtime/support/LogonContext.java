package org.mapihost.runtime.support;

import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.runtime.trace.TraceRecorder;
import org.mapihost.runtime.watch.CallWatch;

/** What a support object needs from the logon it serves. */
public interface LogonContext {
	ProviderKind kind();

	String sessionId();

	String providerName();

	ProfileSection profileSection();

	TraceRecorder trace();

	/** The watch of provider calls: a support call is the runtime's time, not the provider's. */
	CallWatch watch();

	void registerUid(MapiUid uid);

	void modifyStatusRow(StatusRow row, boolean update);

	/** Logs off, or stops feeding, the transports serving this store; returns the out-flags. */
	int logoffTransports(StoreLogoffFlag flag);
}

package org.mapihost.runtime.client;

import java.util.List;

import org.mapihost.api.InitFlag;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiSession;
import org.mapihost.api.ResultCode;
import org.mapihost.runtime.profile.Profile;
import org.mapihost.runtime.session.Session;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Mapi} service of one client bundle (bundle scope): its own initialize count and
 * sessions. When the client goes away unbalanced, its sessions are logged off and its count
 * dropped (DESIGN.md §3 rule 6). Concurrency: {@code this} guards {@code count}.
 */
@Component(scope = ServiceScope.BUNDLE)
public class MapiClient implements Mapi {
	@Reference
	MapiSubsystem subsystem;

	private String clientId;
	private Bundle deactivatingBundle;
	private int count;

	@Activate
	void activate(ComponentContext context) {
		deactivatingBundle = context.getBundleContext().getBundle();
		Bundle client = context.getUsingBundle();
		clientId = client == null ? "client" : client.getSymbolicName() + "[" + client.getBundleId() + "]";
	}

	@Deactivate
	void deactivate() {
		int left;
		synchronized (this) {
			left = count;
			count = 0;
		}
		int sessions = subsystem.logoffSessions(this, "its client " + clientId + " went away");
		if (left == 0 && sessions == 0) {
			return;
		}
		subsystem.log().warn("Client {} went away with {} initialize calls unbalanced and {} sessions open", clientId, left, sessions);
		Step step = trace().begin("MAPIUninitialize", null, null, clientId, List.of());
		if (left > 0 && subsystem.uninitialized(left)) {
			lastUninitializeOf(deactivatingBundle);
		}
		TraceRecorder.end(step, ResultCode.S_OK, "client " + clientId + " went away without balancing " + left + " initialize calls");
	}

	@Override
	public void initialize(int flags) {
		Step step = trace().begin("MAPIInitialize", null, null, clientId, MapiFlags.names(InitFlag.class, flags));
		try {
			MapiFlags.requireKnown("MAPIInitialize", flags, InitFlag.values());
			synchronized (this) {
				count++;
				subsystem.initialized();
			}
			TraceRecorder.end(step, ResultCode.S_OK, null);
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		}
	}

	@Override
	public void uninitialize() {
		Step step = trace().begin("MAPIUninitialize", null, null, clientId, List.of());
		try {
			boolean last;
			synchronized (this) {
				if (count == 0) {
					throw new MapiException(ResultCode.MAPI_E_NOT_INITIALIZED,
							"MAPIUninitialize without a matching MAPIInitialize by " + clientId);
				}
				count--;
				last = subsystem.uninitialized(1);
			}
			if (last) {
				lastUninitialize();
			}
			TraceRecorder.end(step, ResultCode.S_OK, null);
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		}
	}

	private void lastUninitialize() {
		int open = subsystem.logoffSessions(null, "still open at the last MAPIUninitialize (client bug)");
		subsystem.log().info("Last MAPIUninitialize{}", open == 0 ? "" : "; " + open + " sessions were still open and were logged off");
		subsystem.libraries().freeAll("last MAPIUninitialize");
	}

	/**
	 * The last initialize count went with a client bundle that is stopping. Its sessions are
	 * logged off here; the libraries are freed on another thread, because a refresh cannot
	 * finish while the framework is stopping a bundle on this one — and not at all when the
	 * whole framework is stopping (the process frees everything).
	 */
	private void lastUninitializeOf(Bundle runtime) {
		subsystem.logoffSessions(null, "still open when the last client went away");
		if (runtime == null || runtime.getBundleContext() == null
				|| runtime.getBundleContext().getBundle(Constants.SYSTEM_BUNDLE_ID).getState() != Bundle.ACTIVE) {
			return;
		}
		Thread free = new Thread(() -> subsystem.libraries().freeAll("the last client went away"), "mapihost-free-library");
		free.setDaemon(true);
		free.start();
	}

	@Override
	public synchronized int initializeCount() {
		return count;
	}

	@Override
	public MapiSession logon(String profileName, int flags) {
		String sessionId = subsystem.nextId("s");
		Step step = trace().begin("MAPILogonEx", sessionId, null, clientId, MapiFlags.names(LogonFlag.class, flags));
		try {
			synchronized (this) {
				if (count == 0) {
					throw new MapiException(ResultCode.MAPI_E_NOT_INITIALIZED, "MAPILogonEx before MAPIInitialize by " + clientId);
				}
			}
			MapiFlags.requireKnown("MAPILogonEx", flags, LogonFlag.values());
			if (profileName == null || profileName.isBlank()) {
				throw new MapiException(ResultCode.MAPI_E_LOGON_FAILED, "MAPILogonEx needs a profile name");
			}
			Profile profile = subsystem.profile(profileName);
			Session session = Session.logon(sessionId, subsystem, profile, flags, this);
			TraceRecorder.end(step, ResultCode.S_OK, null);
			return session;
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		}
	}

	private TraceRecorder trace() {
		return subsystem.trace();
	}
}

package org.mapihost.runtime.session;

import org.mapihost.runtime.leaks.LeakTracker;
import org.mapihost.runtime.library.LibraryManager;
import org.mapihost.runtime.provider.ProviderCatalog;
import org.mapihost.runtime.spooler.SpoolerSettings;
import org.mapihost.runtime.trace.TraceRecorder;
import org.mapihost.runtime.watch.CallWatch;
import org.osgi.service.log.Logger;

/** What sessions need from the subsystem. */
public interface RuntimeServices {
	TraceRecorder trace();

	ProviderCatalog catalog();

	Logger log();

	LibraryManager libraries();

	LeakTracker leaks();

	SpoolerSettings spoolerSettings();

	/** Bounds the runtime's waits on provider code. */
	CallWatch watch();

	/** A new short id with this prefix: {@code s1}, {@code ms2}, … */
	String nextId(String prefix);

	/**
	 * Called once when a session begins to log its providers on, so that a hot unload during its
	 * MAPILogonEx finds it (and waits for the logon to finish, then shuts its logons of the
	 * provider down).
	 */
	void sessionStarted(Session session);

	/** Called once when a session has logged off, or its MAPILogonEx failed. */
	void sessionEnded(Session session);
}

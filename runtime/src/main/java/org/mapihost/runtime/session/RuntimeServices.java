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

	/** Called once when a session has logged off. */
	void sessionEnded(Session session);
}

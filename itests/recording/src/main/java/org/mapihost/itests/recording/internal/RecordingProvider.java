package org.mapihost.itests.recording.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mapihost.api.MapiUid;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.itests.recording.RecordingProviders;

/**
 * What the three recording provider objects share: the object's lifecycle (init, logons,
 * Shutdown, Release) as the provider sees it, with a {@link Journal#problem} for every call
 * that comes when it should not. Concurrency: the logon set and support list are concurrent;
 * the two flags are volatile.
 */
abstract class RecordingProvider implements ServiceProvider {
	final Journal journal;
	final String name;
	final String id;
	private final String iface;
	private final String display;
	private final Set<String> liveLogons = ConcurrentHashMap.newKeySet();
	private final List<RecordingSupport> supports = new CopyOnWriteArrayList<>();
	private volatile boolean shutDown;
	private volatile boolean released;

	RecordingProvider(Journal journal, String name, String display, String idPrefix, String iface, String initCall) {
		this.journal = journal;
		this.name = name;
		this.display = display;
		this.iface = iface;
		this.id = journal.newId(idPrefix);
		journal.record(name, id, initCall, "");
	}

	/**
	 * The start of a logon method: records the call, reads the entry's settings and fault,
	 * and throws for {@code throw-in-logon}.
	 *
	 * @return the support object to use for this logon
	 */
	final RecordingSupport beginLogon(String call, ProviderSupport support, String logonId, String flags) {
		journal.record(name, id, call, flags);
		expectAlive(call);
		RecordingSupport recording = new RecordingSupport(support, journal, name, logonId);
		if (recording.fault() == Fault.THROW_IN_LOGON) {
			throw Fault.THROW_IN_LOGON.injected();
		}
		supports.add(recording);
		return recording;
	}

	/** Registers the entry's MAPIUIDs ({@link RecordingProviders#UIDS}, or one new UID). */
	static void registerUids(RecordingSupport support) {
		String uids = support.section().setting(RecordingProviders.UIDS, "").trim();
		if (uids.isEmpty()) {
			support.setProviderUid(support.newUid(), 0);
			return;
		}
		for (String uid : uids.split(",")) {
			support.setProviderUid(MapiUid.parse(uid.trim()), 0);
		}
	}

	/** Sets the logon's status row: available, with the entry's display name. */
	final void setStatusRow(RecordingSupport support) {
		ProfileSection section = support.section();
		support.modifyStatusRow(StatusRow.builder()
				.set(StatusColumn.PR_DISPLAY_NAME, section.setting(RecordingProviders.DISPLAY, section.entryName()))
				.set(StatusColumn.PR_PROVIDER_DISPLAY, display)
				.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, "Available")
				.set(StatusColumn.PR_RESOURCE_METHODS, 0)
				.build(), 0);
	}

	final void logonCreated(String logonId) {
		liveLogons.add(logonId);
	}

	final void logonReleased(String logonId) {
		if (!liveLogons.remove(logonId)) {
			journal.problem(name, logonId, "released, but it is not a live logon of " + id);
		}
	}

	/** Notes a problem when a call reaches this provider object after its Shutdown or Release. */
	final void expectAlive(String call) {
		if (released) {
			journal.problem(name, id, call + " after " + iface + "::Release");
		} else if (shutDown) {
			journal.problem(name, id, call + " after " + iface + "::Shutdown");
		}
	}

	@Override
	public final void shutdown(int flags) {
		String call = iface + "::Shutdown";
		journal.record(name, id, call, Integer.toHexString(flags));
		expectAlive(call);
		if (!liveLogons.isEmpty()) {
			journal.problem(name, id, call + " while logons are alive: " + liveLogons);
		}
		shutDown = true;
		if (supports.stream().anyMatch(s -> s.fault() == Fault.THROW_IN_SHUTDOWN)) {
			throw Fault.THROW_IN_SHUTDOWN.injected();
		}
	}

	/** The provider object's Release: the DS component instance is deactivated. */
	final void released() {
		String call = iface + "::Release";
		journal.record(name, id, call, "");
		if (released) {
			journal.problem(name, id, call + " twice");
		} else if (!shutDown) {
			journal.problem(name, id, call + " without " + iface + "::Shutdown");
		}
		released = true;
		supports.forEach(RecordingSupport::callAfterShutdown);
	}
}

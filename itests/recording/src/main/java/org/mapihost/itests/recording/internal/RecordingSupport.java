package org.mapihost.itests.recording.internal;

import java.util.function.Function;
import java.util.function.Supplier;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;

/**
 * The support object as a recording provider uses it: records every call and its outcome, and
 * commits the logon's support-related fault ({@code slt-twice}, {@code support-release-twice},
 * {@code support-never-released}, {@code call-after-shutdown}). The faulty second calls catch
 * the runtime's refusal, as a provider that does not check its results would go on anyway.
 */
final class RecordingSupport implements ProviderSupport {
	private final ProviderSupport support;
	private final Journal journal;
	private final String provider;
	private final String logon;
	private final ProfileSection section;
	private final Fault fault;

	/** Opens the logon's profile section, which names the fault to commit. */
	RecordingSupport(ProviderSupport support, Journal journal, String provider, String logon) {
		this.support = support;
		this.journal = journal;
		this.provider = provider;
		this.logon = logon;
		this.section = openProfileSection();
		this.fault = Fault.of(section);
	}

	ProfileSection section() {
		return section;
	}

	Fault fault() {
		return fault;
	}

	@Override
	public ProviderKind kind() {
		return support.kind();
	}

	@Override
	public ProfileSection openProfileSection() {
		return call("IMAPISupport::OpenProfileSection", "", support::openProfileSection);
	}

	@Override
	public MapiUid newUid() {
		return call("IMAPISupport::NewUID", "", support::newUid);
	}

	@Override
	public void setProviderUid(MapiUid uid, int flags) {
		call("IMAPISupport::SetProviderUID", uid.toString(), () -> {
			support.setProviderUid(uid, flags);
			return null;
		});
	}

	@Override
	public void modifyStatusRow(StatusRow row, int flags) {
		call("IMAPISupport::ModifyStatusRow", String.join("|", MapiFlags.names(StatusRowFlag.class, flags)), () -> {
			support.modifyStatusRow(row, flags);
			return null;
		});
	}

	@Override
	public int storeLogoffTransports(int flag) {
		int out = logoffTransports(flag);
		if (fault == Fault.SLT_TWICE) {
			try {
				logoffTransports(flag);
			} catch (MapiException expected) {
				// recorded; the fault is to call, not to care
			}
		}
		return out;
	}

	private int logoffTransports(int flag) {
		return call("IMAPISupport::StoreLogoffTransports", names(flag), () -> support.storeLogoffTransports(flag),
				RecordingSupport::names);
	}

	@Override
	public void release() {
		if (fault == Fault.SUPPORT_NEVER_RELEASED) {
			journal.record(provider, logon, "IMAPISupport::Release", "skipped: " + fault);
			return;
		}
		releaseOnce();
		if (fault == Fault.SUPPORT_RELEASE_TWICE) {
			try {
				releaseOnce();
			} catch (MapiException expected) {
				// recorded
			}
		}
	}

	private void releaseOnce() {
		call("IMAPISupport::Release", "", () -> {
			support.release();
			return null;
		});
	}

	/** The {@code call-after-shutdown} fault: one more status-row update, from the provider's release. */
	void callAfterShutdown() {
		if (fault != Fault.CALL_AFTER_SHUTDOWN) {
			return;
		}
		StatusRow update = StatusRow.builder().set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_FAILURE.value()).build();
		try {
			modifyStatusRow(update, StatusRowFlag.STATUSROW_UPDATE.value());
		} catch (MapiException expected) {
			// recorded
		}
	}

	private <T> T call(String name, String args, Supplier<T> action) {
		return call(name, args, action, result -> "");
	}

	/** Records the call as {@code args -> outcome}, the outcome being the result or the error. */
	private <T> T call(String name, String args, Supplier<T> action, Function<T, String> outcome) {
		try {
			T result = action.get();
			String out = outcome.apply(result);
			journal.record(provider, logon, name, out.isEmpty() ? args : args + " -> " + out);
			return result;
		} catch (MapiException e) {
			journal.record(provider, logon, name, args + " -> " + e.code());
			throw e;
		} catch (RuntimeException e) {
			journal.record(provider, logon, name, args + " -> " + e);
			throw e;
		}
	}

	private static String names(int flags) {
		return String.join("|", MapiFlags.names(StoreLogoffFlag.class, flags));
	}
}

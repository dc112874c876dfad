package org.mapihost.runtime.support;

import java.util.List;
import java.util.function.Supplier;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;

/**
 * {@code IMAPISupport} for one logon. Detects and records the provider's protocol violations:
 * a second {@code StoreLogoffTransports}, a second {@code Release}, any call after
 * {@code Release}. Concurrency: {@code this} guards the flags; nothing is called under it.
 */
public final class Support implements ProviderSupport {
	private final String id;
	private final LogonContext logon;
	private boolean released;
	private boolean logonEnded;
	private boolean transportsLoggedOff;
	private Runnable onRelease = () -> {
	};

	public Support(String id, LogonContext logon) {
		this.id = id;
		this.logon = logon;
	}

	public String id() {
		return id;
	}

	@Override
	public ProviderKind kind() {
		return logon.kind();
	}

	@Override
	public ProfileSection openProfileSection() {
		requireAlive("OpenProfileSection");
		return logon.profileSection();
	}

	@Override
	public MapiUid newUid() {
		requireAlive("NewUID");
		return MapiUid.random();
	}

	@Override
	public void setProviderUid(MapiUid uid, int flags) {
		traced("IMAPISupport::SetProviderUID", List.of(), () -> {
			requireAlive("SetProviderUID");
			requireKind("SetProviderUID", ProviderKind.STORE, ProviderKind.ADDRESS_BOOK);
			if (flags != 0) {
				throw new MapiException(ResultCode.MAPI_E_UNKNOWN_FLAGS, String.format("SetProviderUID takes no flags, got 0x%08X", flags));
			}
			if (uid == null) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "SetProviderUID needs a MAPIUID");
			}
			logon.registerUid(uid);
			return 0;
		});
	}

	@Override
	public void modifyStatusRow(StatusRow row, int flags) {
		traced("IMAPISupport::ModifyStatusRow", MapiFlags.names(StatusRowFlag.class, flags), () -> {
			requireAlive("ModifyStatusRow");
			MapiFlags.requireKnown("ModifyStatusRow", flags, StatusRowFlag.values());
			if (row == null) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "ModifyStatusRow needs a row");
			}
			logon.modifyStatusRow(row, flags == StatusRowFlag.STATUSROW_UPDATE.value());
			return 0;
		});
	}

	@Override
	public int storeLogoffTransports(int flag) {
		return tracedWithDetail("IMAPISupport::StoreLogoffTransports", MapiFlags.names(StoreLogoffFlag.class, flag), () -> {
			requireAlive("StoreLogoffTransports");
			requireKind("StoreLogoffTransports", ProviderKind.STORE);
			StoreLogoffFlag input = MapiFlags.requireExactlyOne("StoreLogoffTransports", flag, StoreLogoffFlag.LOGOFF_NO_WAIT,
					StoreLogoffFlag.LOGOFF_ORDERLY, StoreLogoffFlag.LOGOFF_PURGE, StoreLogoffFlag.LOGOFF_ABORT,
					StoreLogoffFlag.LOGOFF_QUIET);
			synchronized (this) {
				if (transportsLoggedOff) {
					violation("StoreLogoffTransports called again after it completed; ignored");
					return new Answer<>(StoreLogoffFlag.LOGOFF_COMPLETE.value(), outFlags(StoreLogoffFlag.LOGOFF_COMPLETE.value())
							+ "; ignored: it completed before");
				}
			}
			int out = logon.logoffTransports(input);
			if ((out & StoreLogoffFlag.LOGOFF_COMPLETE.value()) != 0) {
				synchronized (this) {
					transportsLoggedOff = true;
				}
			}
			return new Answer<>(out, outFlags(out));
		});
	}

	/** The step's detail for StoreLogoffTransports' answer: {@code out LOGOFF_COMPLETE|LOGOFF_OUTBOUND_QUEUE}, or {@code out none}. */
	static String outFlags(int out) {
		List<String> names = MapiFlags.names(StoreLogoffFlag.class, out);
		return "out " + (names.isEmpty() ? "none" : String.join("|", names));
	}

	@Override
	public void release() {
		traced("IMAPISupport::Release", List.of(), () -> {
			Runnable released;
			synchronized (this) {
				released = this.released ? null : onRelease;
				this.released = true;
			}
			if (released != null) {
				released.run();
				return 0;
			}
			violation("support object released twice");
			throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, "support object " + id + " was already released");
		});
	}

	public synchronized boolean isReleased() {
		return released;
	}

	public synchronized boolean transportsLoggedOff() {
		return transportsLoggedOff;
	}

	/** Runs once when the provider releases this support object. */
	public synchronized void onRelease(Runnable action) {
		onRelease = action;
	}

	/**
	 * The logon this support object serves has ended: from now on every call but
	 * {@link #release()} is refused. Returns whether the provider still holds it.
	 */
	public synchronized boolean endLogon() {
		logonEnded = true;
		return !released;
	}

	/** True while the provider holds it although its logon has ended: a leak. */
	public synchronized boolean heldAfterLogon() {
		return logonEnded && !released;
	}

	/** A failed logon call: the provider must not keep the support object, so it counts as released. */
	public synchronized void abandon() {
		logonEnded = true;
		released = true;
	}

	private void requireAlive(String method) {
		boolean ended;
		synchronized (this) {
			if (!released && !logonEnded) {
				return;
			}
			ended = !released;
		}
		String state = ended ? "whose logon has ended" : "that was released";
		violation(method + " called on a support object " + state);
		throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT,
				"support object " + id + " is " + (ended ? "of a logon that has ended" : "released") + "; " + method + " is not allowed");
	}

	private void requireKind(String method, ProviderKind... kinds) {
		for (ProviderKind kind : kinds) {
			if (kind == logon.kind()) {
				return;
			}
		}
		throw new MapiException(ResultCode.MAPI_E_NO_SUPPORT, method + " is not supported for " + logon.kind() + " providers");
	}

	private void violation(String detail) {
		logon.trace().violation(logon.sessionId(), logon.providerName(), id, detail);
	}

	private <T> T traced(String call, List<String> flags, Supplier<T> body) {
		return tracedWithDetail(call, flags, () -> new Answer<>(body.get(), null));
	}

	/** What a support call answers, and the detail its trace step ends with (null for none). */
	private record Answer<T>(T value, String detail) {
	}

	private <T> T tracedWithDetail(String call, List<String> flags, Supplier<Answer<T>> body) {
		Step step = logon.trace().begin(call, logon.sessionId(), logon.providerName(), id, flags);
		logon.watch().pause();
		try {
			Answer<T> answer = body.get();
			TraceRecorder.end(step, ResultCode.S_OK, answer.detail());
			return answer.value();
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		} catch (RuntimeException | Error e) {
			TraceRecorder.end(step, ResultCode.MAPI_E_CALL_FAILED, e.toString());
			throw e;
		} finally {
			logon.watch().resume();
		}
	}
}

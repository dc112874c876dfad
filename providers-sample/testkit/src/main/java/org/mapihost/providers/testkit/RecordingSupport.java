package org.mapihost.providers.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;

/**
 * A support object that records every call in order and, like the runtime's, refuses calls
 * that do not fit its kind and every call after {@code Release}. For the providers' unit tests,
 * which read its lists directly.
 */
public final class RecordingSupport implements ProviderSupport {
	public final List<String> calls = new CopyOnWriteArrayList<>();
	public final List<MapiUid> uids = new ArrayList<>();
	public final List<StatusRow> rows = new ArrayList<>();
	public final List<Integer> rowFlags = new ArrayList<>();
	public final List<Integer> storeLogoffTransportsFlags = new ArrayList<>();
	public int storeLogoffTransportsResult = StoreLogoffFlag.LOGOFF_COMPLETE.value();

	private final ProviderKind kind;
	private final ProfileSection section;
	private boolean released;

	public RecordingSupport(ProviderKind kind, String entryName, Map<String, String> settings) {
		this.kind = kind;
		this.section = new ProfileSection("test-profile", entryName, "test.provider", settings);
	}

	/** A store's support object, for the profile entry {@code store}. */
	public RecordingSupport(Map<String, String> settings) {
		this(ProviderKind.STORE, "store", settings);
	}

	@Override
	public ProviderKind kind() {
		return kind;
	}

	@Override
	public ProfileSection openProfileSection() {
		call("OpenProfileSection");
		return section;
	}

	@Override
	public MapiUid newUid() {
		call("NewUID");
		return MapiUid.random();
	}

	@Override
	public void setProviderUid(MapiUid uid, int flags) {
		call("SetProviderUID");
		if (kind == ProviderKind.TRANSPORT) {
			throw new MapiException(ResultCode.MAPI_E_NO_SUPPORT, "SetProviderUID is not for transports");
		}
		if (flags != 0) {
			throw new MapiException(ResultCode.MAPI_E_UNKNOWN_FLAGS, "SetProviderUID takes no flags");
		}
		uids.add(uid);
	}

	@Override
	public void modifyStatusRow(StatusRow row, int flags) {
		call("ModifyStatusRow");
		rows.add(row);
		rowFlags.add(flags);
	}

	@Override
	public int storeLogoffTransports(int flag) {
		call("StoreLogoffTransports");
		if (kind != ProviderKind.STORE) {
			throw new MapiException(ResultCode.MAPI_E_NO_SUPPORT, "StoreLogoffTransports is for stores only");
		}
		storeLogoffTransportsFlags.add(flag);
		return storeLogoffTransportsResult;
	}

	@Override
	public void release() {
		call("Release");
		released = true;
	}

	public int count(String call) {
		return Collections.frequency(calls, call);
	}

	public String lastCall() {
		return calls.isEmpty() ? "" : calls.get(calls.size() - 1);
	}

	private void call(String name) {
		calls.add(name);
		if (released) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, name + " after the support object was released");
		}
	}
}

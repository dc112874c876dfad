package org.mapihost.itests.recording.internal;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.itests.recording.RecordingProviders;

/** The misbehaviour a profile entry asks of its provider ({@link RecordingProviders#FAULT}). */
enum Fault {
	NONE(""),
	SLT_TWICE(RecordingProviders.FAULT_SLT_TWICE),
	SUPPORT_RELEASE_TWICE(RecordingProviders.FAULT_SUPPORT_RELEASE_TWICE),
	SUPPORT_NEVER_RELEASED(RecordingProviders.FAULT_SUPPORT_NEVER_RELEASED),
	CALL_AFTER_SHUTDOWN(RecordingProviders.FAULT_CALL_AFTER_SHUTDOWN),
	THROW_IN_LOGON(RecordingProviders.FAULT_THROW_IN_LOGON),
	THROW_IN_LOGOFF(RecordingProviders.FAULT_THROW_IN_LOGOFF),
	THROW_IN_SHUTDOWN(RecordingProviders.FAULT_THROW_IN_SHUTDOWN);

	private final String setting;

	Fault(String setting) {
		this.setting = setting;
	}

	static Fault of(ProfileSection section) {
		String value = section.setting(RecordingProviders.FAULT, "").trim();
		for (Fault fault : values()) {
			if (fault.setting.equals(value)) {
				return fault;
			}
		}
		throw new MapiException(ResultCode.MAPI_E_UNCONFIGURED,
				"entry '" + section.entryName() + "' names an unknown fault '" + value + "'");
	}

	/** The exception a {@code THROW_IN_*} fault throws: deliberately not a MapiException. */
	IllegalStateException injected() {
		return new IllegalStateException("injected fault: " + setting);
	}

	@Override
	public String toString() {
		return setting;
	}
}

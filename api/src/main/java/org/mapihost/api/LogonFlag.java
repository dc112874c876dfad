package org.mapihost.api;

/**
 * Flags of {@code MAPILogonEx}, from {@code MAPIX.h}.
 *
 * @since 1.0
 */
public enum LogonFlag implements MapiFlag {
	/** {@code MAPI_LOGON_UI}: a logon dialog may be shown (there is no UI here; accepted, ignored). */
	MAPI_LOGON_UI(0x00000001),
	/** {@code MAPI_NEW_SESSION}: always create a new session. */
	MAPI_NEW_SESSION(0x00000002),
	/** {@code MAPI_APP_PROFILE}: use the application profile. */
	MAPI_APP_PROFILE(0x00000004),
	/** {@code MAPI_ALLOW_OTHERS}: other clients may share the session. */
	MAPI_ALLOW_OTHERS(0x00000008),
	/** {@code MAPI_EXPLICIT_PROFILE}: the profile name must be used as given. */
	MAPI_EXPLICIT_PROFILE(0x00000010),
	/** {@code MAPI_EXTENDED}: Extended MAPI logon (always set by Extended MAPI clients). */
	MAPI_EXTENDED(0x00000020),
	/** {@code MAPI_USE_DEFAULT}: use the default profile when the name is empty. */
	MAPI_USE_DEFAULT(0x00000040),
	/** {@code MAPI_FORCE_DOWNLOAD}: download new mail at logon. */
	MAPI_FORCE_DOWNLOAD(0x00001000),
	/** {@code MAPI_SERVICE_UI_ALWAYS}: show the configuration UI of every service. */
	MAPI_SERVICE_UI_ALWAYS(0x00002000),
	/** {@code MAPI_NO_MAIL}: do not involve the spooler; no transport logons. */
	MAPI_NO_MAIL(0x00008000),
	/** {@code MAPI_NT_SERVICE}: the caller is a service. */
	MAPI_NT_SERVICE(0x00010000),
	/** {@code MAPI_PASSWORD_UI}: prompt for a password only. */
	MAPI_PASSWORD_UI(0x00020000),
	/** {@code MAPI_TIMEOUT_SHORT}: fail with MAPI_E_TIMEOUT rather than wait for the logon lock. */
	MAPI_TIMEOUT_SHORT(0x00100000),
	/** {@code MAPI_BG_SESSION}: a background session. */
	MAPI_BG_SESSION(0x00200000),
	/** {@code MAPI_UNICODE}: strings are Unicode (always true in Java; accepted). */
	MAPI_UNICODE(0x80000000);

	private final int value;

	LogonFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

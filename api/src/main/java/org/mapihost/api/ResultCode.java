package org.mapihost.api;

import java.util.Optional;

/**
 * MAPI result codes ({@code HRESULT} / {@code SCODE}) with their real names and values, as
 * defined by {@code MAPICode.h} and {@code winerror.h}.
 *
 * @since 1.0
 */
public enum ResultCode {
	/** {@code S_OK}: success. */
	S_OK(0x00000000),
	/** {@code MAPI_W_ERRORS_RETURNED}: success, with error information for some parts. */
	MAPI_W_ERRORS_RETURNED(0x00040380),
	/** {@code MAPI_E_CALL_FAILED} ({@code E_FAIL}): an unspecified failure. */
	MAPI_E_CALL_FAILED(0x80004005),
	/** {@code MAPI_E_NOT_ENOUGH_MEMORY} ({@code E_OUTOFMEMORY}). */
	MAPI_E_NOT_ENOUGH_MEMORY(0x8007000E),
	/** {@code MAPI_E_INVALID_PARAMETER} ({@code E_INVALIDARG}): a bad argument. */
	MAPI_E_INVALID_PARAMETER(0x80070057),
	/** {@code MAPI_E_INTERFACE_NOT_SUPPORTED} ({@code E_NOINTERFACE}). */
	MAPI_E_INTERFACE_NOT_SUPPORTED(0x80004002),
	/** {@code MAPI_E_NO_ACCESS} ({@code E_ACCESSDENIED}). */
	MAPI_E_NO_ACCESS(0x80070005),
	/** {@code MAPI_E_NO_SUPPORT}: the method does not apply to this object or provider type. */
	MAPI_E_NO_SUPPORT(0x80040102),
	/** {@code MAPI_E_BAD_CHARWIDTH}. */
	MAPI_E_BAD_CHARWIDTH(0x80040103),
	/** {@code MAPI_E_UNKNOWN_FLAGS}: a flag bit this call does not know. */
	MAPI_E_UNKNOWN_FLAGS(0x80040106),
	/** {@code MAPI_E_INVALID_ENTRYID}: the entry ID is malformed or not valid here. */
	MAPI_E_INVALID_ENTRYID(0x80040107),
	/** {@code MAPI_E_INVALID_OBJECT}: the object was invalidated (MAPI's {@code MakeInvalid}). */
	MAPI_E_INVALID_OBJECT(0x80040108),
	/** {@code MAPI_E_BUSY}. */
	MAPI_E_BUSY(0x8004010B),
	/** {@code MAPI_E_NOT_ENOUGH_RESOURCES}. */
	MAPI_E_NOT_ENOUGH_RESOURCES(0x8004010E),
	/** {@code MAPI_E_NOT_FOUND}. */
	MAPI_E_NOT_FOUND(0x8004010F),
	/** {@code MAPI_E_VERSION}: SPI version mismatch. */
	MAPI_E_VERSION(0x80040110),
	/** {@code MAPI_E_LOGON_FAILED}. */
	MAPI_E_LOGON_FAILED(0x80040111),
	/** {@code MAPI_E_SESSION_LIMIT}. */
	MAPI_E_SESSION_LIMIT(0x80040112),
	/** {@code MAPI_E_USER_CANCEL}. */
	MAPI_E_USER_CANCEL(0x80040113),
	/** {@code MAPI_E_UNABLE_TO_ABORT}. */
	MAPI_E_UNABLE_TO_ABORT(0x80040114),
	/** {@code MAPI_E_NETWORK_ERROR}. */
	MAPI_E_NETWORK_ERROR(0x80040115),
	/** {@code MAPI_E_TOO_COMPLEX}. */
	MAPI_E_TOO_COMPLEX(0x80040117),
	/** {@code MAPI_E_UNCONFIGURED}: the provider lacks configuration. */
	MAPI_E_UNCONFIGURED(0x8004011C),
	/** {@code MAPI_E_FAILONEPROVIDER}: this provider failed, the rest of its service may go on. */
	MAPI_E_FAILONEPROVIDER(0x8004011D),
	/** {@code MAPI_E_UNKNOWN_CPID}. */
	MAPI_E_UNKNOWN_CPID(0x8004011E),
	/** {@code MAPI_E_UNKNOWN_LCID}. */
	MAPI_E_UNKNOWN_LCID(0x8004011F),
	/** {@code MAPI_E_RECONNECTED}. */
	MAPI_E_RECONNECTED(0x80040125),
	/** {@code MAPI_E_END_OF_SESSION}: the session or its connection is gone. */
	MAPI_E_END_OF_SESSION(0x80040200),
	/** {@code MAPI_E_UNKNOWN_ENTRYID}: no open provider registered the entry ID's MAPIUID. */
	MAPI_E_UNKNOWN_ENTRYID(0x80040201),
	/** {@code MAPI_E_TIMEOUT}. */
	MAPI_E_TIMEOUT(0x80040401),
	/** {@code MAPI_E_CORRUPT_STORE}. */
	MAPI_E_CORRUPT_STORE(0x80040600),
	/** {@code MAPI_E_COLLISION}: an object of that name already exists (MAPICODE.H). */
	MAPI_E_COLLISION(0x80040604),
	/** {@code MAPI_E_NOT_INITIALIZED}: {@code MAPIInitialize} was not called first. */
	MAPI_E_NOT_INITIALIZED(0x80040605),
	/** {@code MAPI_E_NO_RECIPIENTS}: a message was submitted without recipients (MAPICODE.H). */
	MAPI_E_NO_RECIPIENTS(0x80040607),
	/** {@code MAPI_E_AMBIGUOUS_RECIP}: a name matches more than one address book entry (MAPICODE.H). */
	MAPI_E_AMBIGUOUS_RECIP(0x80040700);

	private final int value;

	ResultCode(int value) {
		this.value = value;
	}

	/**
	 * @return the 32-bit HRESULT value
	 */
	public int value() {
		return value;
	}

	/**
	 * @return the value as {@code 0x8004010F}
	 */
	public String hex() {
		return String.format("0x%08X", value);
	}

	/**
	 * @return {@code true} for {@code S_OK} and warnings ({@code SUCCEEDED(hr)} in MAPI)
	 */
	public boolean succeeded() {
		return value >= 0;
	}

	/**
	 * Looks a code up by its HRESULT value.
	 *
	 * @param value the HRESULT
	 * @return the code, or empty when this enum does not know it
	 */
	public static Optional<ResultCode> of(int value) {
		for (ResultCode code : values()) {
			if (code.value == value) {
				return Optional.of(code);
			}
		}
		return Optional.empty();
	}
}

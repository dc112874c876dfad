package org.mapihost.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A reference-counted object a client holds ({@code IUnknown}). The runtime owns the count:
 * when the last reference is released it shuts the object down as MAPI does. After the
 * object's store or session is gone the handle is invalid (MAPI's {@code MakeInvalid}):
 * every call fails with {@link ResultCode#MAPI_E_INVALID_OBJECT}, but {@link #release()}
 * still works.
 *
 * @since 1.0
 */
@ProviderType
public interface MapiHandle {
	/**
	 * @return a short id that names this handle in the shell and the trace, such as
	 *         {@code ms1}
	 */
	String id();

	/**
	 * {@code IUnknown::AddRef}.
	 *
	 * @return the new reference count
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_OBJECT} when the handle is
	 *                       invalid or fully released
	 */
	int addRef();

	/**
	 * {@code IUnknown::Release}. The last release shuts the object down.
	 *
	 * @return the reference count left
	 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_OBJECT} when every reference was
	 *                       already released
	 */
	int release();

	/**
	 * @return {@code false} once the handle was invalidated or fully released
	 */
	boolean isValid();
}

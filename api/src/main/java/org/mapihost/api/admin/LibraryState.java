package org.mapihost.api.admin;

/**
 * Where a provider library stands.
 *
 * @since 1.0
 */
public enum LibraryState {
	/** Indexed from the providers folder; not installed. */
	AVAILABLE,
	/** Installed and started ({@code LoadLibrary}), no logon uses it. */
	LOADED,
	/** Loaded, with logons of it open. */
	IN_USE,
	/** Being hot-unloaded, updated or freed: new calls are refused. */
	UNLOADING,
	/** Cannot be used; {@link LibraryInfo#failure()} says why. */
	FAILED
}

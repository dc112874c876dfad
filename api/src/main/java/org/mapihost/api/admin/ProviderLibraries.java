package org.mapihost.api.admin;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's provider libraries: the providers folder's index, what is loaded, and the
 * operator's unload; and the leak report. A service of the runtime.
 *
 * @since 1.0
 */
@ProviderType
public interface ProviderLibraries {
	/** Framework property: the providers folder, {@code providers} by default (relative to the working directory). */
	String PROVIDERS_DIR_PROPERTY = "mapihost.providers";

	/**
	 * @return every library: indexed files (including failed ones) and provider bundles
	 *         installed by other means
	 */
	List<LibraryInfo> libraries();

	/**
	 * @param name a provider name
	 * @return that provider's library, if known
	 */
	Optional<LibraryInfo> library(String name);

	/**
	 * Hot-unloads a provider now (DESIGN.md §3 rule 5): new calls are refused, calls in flight
	 * drain, every logon of it is shut down, its provider objects get Shutdown and Release; then
	 * its bundle is stopped (and, if the runtime loaded it, uninstalled and refreshed). The
	 * library stays in the index and is loaded afresh by the next logon that needs it.
	 *
	 * @param name a provider name
	 * @throws org.mapihost.api.MapiException {@code MAPI_E_NOT_FOUND} for an unknown or not
	 *                                        loaded provider
	 */
	void unload(String name);

	/**
	 * Looks for leaks; collects garbage (a bounded number of times) to tell whether the class
	 * loaders of freed libraries are gone.
	 *
	 * @return the report
	 */
	LeakReport leaks();
}

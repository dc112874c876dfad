package org.mapihost.api.admin;

import org.mapihost.api.ProviderKind;

/**
 * One provider library as {@code mapi:providers} shows it.
 *
 * @param name      the provider name (the capability's {@code name})
 * @param kind      store, address book or transport; {@code null} when unknown (a failed file)
 * @param display   the display name
 * @param version   the bundle version, or empty
 * @param state     where it stands
 * @param logons    how many logons of it are open now
 * @param loadCount how many times it was loaded ({@code LoadLibrary})
 * @param bundleId  the bundle id while installed, else -1
 * @param location  the file it comes from, or the bundle location
 * @param failure   why it failed, or {@code null}
 * @since 1.0
 */
public record LibraryInfo(String name, ProviderKind kind, String display, String version, LibraryState state, int logons,
		int loadCount, long bundleId, String location, String failure) {
}

package org.mapihost.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One MAPI flag bit with its real name and value. Each family of flags (the flags one MAPI
 * call takes) is an enum implementing this interface; {@link MapiFlags} converts between
 * bit masks and names.
 *
 * @since 1.0
 */
@ProviderType
public interface MapiFlag {
	/**
	 * @return the MAPI name, for example {@code LOGOFF_ORDERLY}
	 */
	String name();

	/**
	 * @return the bit value, for example {@code 0x00000002}
	 */
	int value();
}

package org.mapihost.api;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An object opened by entry ID ({@code IMAPIProp} and what derives from it: folders,
 * messages, mail users), as a client holds it.
 *
 * @since 1.0
 */
@ProviderType
public interface MapiEntry extends MapiHandle {
	/**
	 * @return the entry ID it was opened with
	 */
	EntryId entryId();

	/**
	 * @return {@code PR_OBJECT_TYPE}, for example {@code MAPI_FOLDER} (3) or
	 *         {@code MAPI_MESSAGE} (5)
	 */
	int objectType();

	/**
	 * {@code IMAPIProp::GetProps} for all properties.
	 *
	 * @return property values keyed by MAPI property name ({@code PR_DISPLAY_NAME}, …)
	 */
	Map<String, Object> properties();
}

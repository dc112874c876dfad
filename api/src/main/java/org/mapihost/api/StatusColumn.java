package org.mapihost.api;

/**
 * The columns of the MAPI status table ({@code IMAPIStatus} rows), with their property
 * tags from {@code MAPITags.h} and the Java type their values have. String columns use
 * the Unicode tag ({@code PT_UNICODE}, 0x001F).
 *
 * @since 1.0
 */
public enum StatusColumn {
	/** {@code PR_DISPLAY_NAME}: the row's display name. */
	PR_DISPLAY_NAME(0x3001001F, String.class, true),
	/** {@code PR_PROVIDER_DISPLAY}: the provider's display name. */
	PR_PROVIDER_DISPLAY(0x3006001F, String.class, true),
	/** {@code PR_STATUS_CODE}: bits of {@link StatusCode}. */
	PR_STATUS_CODE(0x3E040003, Integer.class, true),
	/** {@code PR_STATUS_STRING}: the status in words. */
	PR_STATUS_STRING(0x3E08001F, String.class, true),
	/** {@code PR_RESOURCE_METHODS}: which {@code IMAPIStatus} methods the provider supports. */
	PR_RESOURCE_METHODS(0x3E020003, Integer.class, true),
	/** {@code PR_IDENTITY_DISPLAY}: the display name of the user's identity. */
	PR_IDENTITY_DISPLAY(0x3E00001F, String.class, true),
	/** {@code PR_IDENTITY_ENTRYID}: the entry ID of the user's identity. */
	PR_IDENTITY_ENTRYID(0x3E010102, byte[].class, true),
	/** {@code PR_IDENTITY_SEARCH_KEY}: the search key of the user's identity. */
	PR_IDENTITY_SEARCH_KEY(0x3E050102, byte[].class, true),
	/** {@code PR_RESOURCE_TYPE}: set by MAPI, one of the {@code MAPI_*_PROVIDER} values. */
	PR_RESOURCE_TYPE(0x3E030003, Integer.class, false),
	/** {@code PR_RESOURCE_FLAGS}: set by MAPI. */
	PR_RESOURCE_FLAGS(0x30090003, Integer.class, false),
	/** {@code PR_PROVIDER_DLL_NAME}: set by MAPI; here the provider bundle's symbolic name. */
	PR_PROVIDER_DLL_NAME(0x300A001F, String.class, false),
	/** {@code PR_ENTRYID}: set by MAPI, the status object's entry ID. */
	PR_ENTRYID(0x0FFF0102, byte[].class, false),
	/** {@code PR_INSTANCE_KEY}: set by MAPI, unique per row. */
	PR_INSTANCE_KEY(0x0FF60102, byte[].class, false),
	/** {@code PR_OBJECT_TYPE}: set by MAPI, always {@code MAPI_STATUS} (0x0A). */
	PR_OBJECT_TYPE(0x0FFE0003, Integer.class, false),
	/** {@code PR_ROWID}: set by MAPI, the row's number. */
	PR_ROWID(0x30000003, Integer.class, false);

	/** {@code MAPI_STATUS}, the object type of every status row. */
	public static final int MAPI_STATUS = 0x0A;

	private final int tag;
	private final Class<?> type;
	private final boolean providerSupplied;

	StatusColumn(int tag, Class<?> type, boolean providerSupplied) {
		this.tag = tag;
		this.type = type;
		this.providerSupplied = providerSupplied;
	}

	/**
	 * @return the property tag
	 */
	public int tag() {
		return tag;
	}

	/**
	 * @return the Java type of the column's values
	 */
	public Class<?> type() {
		return type;
	}

	/**
	 * @return {@code true} when a provider sets this column through
	 *         {@code ModifyStatusRow}; {@code false} when MAPI computes it
	 */
	public boolean providerSupplied() {
		return providerSupplied;
	}
}

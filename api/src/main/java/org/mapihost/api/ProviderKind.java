package org.mapihost.api;

/**
 * The three kinds of MAPI service provider, with the {@code PR_RESOURCE_TYPE} value MAPI
 * puts in their status rows ({@code MAPIDefS.h}).
 *
 * @since 1.0
 */
public enum ProviderKind {
	/** A message-store provider ({@code IMSProvider}), {@code MAPI_STORE_PROVIDER} 33. */
	STORE(33, "MS"),
	/** An address-book provider ({@code IABProvider}), {@code MAPI_AB_PROVIDER} 35. */
	ADDRESS_BOOK(35, "AB"),
	/** A transport provider ({@code IXPProvider}), {@code MAPI_TRANSPORT_PROVIDER} 36. */
	TRANSPORT(36, "XP");

	/** {@code MAPI_AB}: the integrated address book's resource type. */
	public static final int MAPI_AB = 34;
	/** {@code MAPI_SPOOLER}: the spooler's resource type. */
	public static final int MAPI_SPOOLER = 37;
	/** {@code MAPI_SUBSYSTEM}: the MAPI subsystem's resource type. */
	public static final int MAPI_SUBSYSTEM = 39;

	private final int resourceType;
	private final String prefix;

	ProviderKind(int resourceType, String prefix) {
		this.resourceType = resourceType;
		this.prefix = prefix;
	}

	/**
	 * @return the {@code PR_RESOURCE_TYPE} value
	 */
	public int resourceType() {
		return resourceType;
	}

	/**
	 * @return MAPI's two-letter prefix: {@code MS}, {@code AB} or {@code XP}
	 */
	public String prefix() {
		return prefix;
	}
}

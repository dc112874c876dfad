package org.mapihost.api;

/**
 * Flags of {@code MAPIInitialize} ({@code MAPIINIT_0.ulFlags}), from {@code MAPIX.h}.
 *
 * @since 1.0
 */
public enum InitFlag implements MapiFlag {
	/** {@code MAPI_MULTITHREAD_NOTIFICATIONS}: notifications on a dedicated thread. */
	MAPI_MULTITHREAD_NOTIFICATIONS(0x00000001),
	/** {@code MAPI_NO_COINIT}: do not initialize COM (accepted, no effect here). */
	MAPI_NO_COINIT(0x00000008),
	/** {@code MAPI_NT_SERVICE}: the caller is a service. */
	MAPI_NT_SERVICE(0x00010000);

	private final int value;

	InitFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

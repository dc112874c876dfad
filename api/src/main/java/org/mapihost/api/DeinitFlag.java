package org.mapihost.api;

/**
 * Flags of {@code IMSProvider/IABProvider/IXPProvider::Shutdown}, from {@code MAPISPI.h}.
 *
 * @since 1.0
 */
public enum DeinitFlag implements MapiFlag {
	/** {@code DEINIT_NORMAL}: a normal shutdown. */
	DEINIT_NORMAL(0x00000001),
	/** {@code DEINIT_HURRY}: shut down at once. */
	DEINIT_HURRY(0x80000000);

	private final int value;

	DeinitFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

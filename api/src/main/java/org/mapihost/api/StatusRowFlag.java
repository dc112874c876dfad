package org.mapihost.api;

/**
 * Flags of {@code IMAPISupport::ModifyStatusRow}, from {@code MAPISPI.h}.
 *
 * @since 1.0
 */
public enum StatusRowFlag implements MapiFlag {
	/** {@code STATUSROW_UPDATE}: merge the given columns into the existing row; without it the row is replaced. */
	STATUSROW_UPDATE(0x10000000);

	private final int value;

	StatusRowFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

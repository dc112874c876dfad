package org.mapihost.api;

/**
 * Bits of the {@code PR_STATUS_CODE} status-table column, from {@code MAPIDefS.h}.
 *
 * @since 1.0
 */
public enum StatusCode implements MapiFlag {
	/** {@code STATUS_AVAILABLE}: the provider is available. */
	STATUS_AVAILABLE(0x00000001),
	/** {@code STATUS_OFFLINE}: the provider works offline. */
	STATUS_OFFLINE(0x00000002),
	/** {@code STATUS_FAILURE}: the provider failed and may soon be shut down. */
	STATUS_FAILURE(0x00000004),
	/** {@code STATUS_INBOUND_ENABLED}: (transports) inbound traffic is enabled. */
	STATUS_INBOUND_ENABLED(0x00010000),
	/** {@code STATUS_INBOUND_ACTIVE}: (transports) a message is being received. */
	STATUS_INBOUND_ACTIVE(0x00020000),
	/** {@code STATUS_INBOUND_FLUSH}: (transports) the inbound queue is being flushed. */
	STATUS_INBOUND_FLUSH(0x00040000),
	/** {@code STATUS_OUTBOUND_ENABLED}: (transports) outbound traffic is enabled. */
	STATUS_OUTBOUND_ENABLED(0x00100000),
	/** {@code STATUS_OUTBOUND_ACTIVE}: (transports) a message is being sent. */
	STATUS_OUTBOUND_ACTIVE(0x00200000),
	/** {@code STATUS_OUTBOUND_FLUSH}: (transports) the outbound queue is being flushed. */
	STATUS_OUTBOUND_FLUSH(0x00400000),
	/** {@code STATUS_REMOTE_ACCESS}: (transports) remote access. */
	STATUS_REMOTE_ACCESS(0x00800000);

	private final int value;

	StatusCode(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

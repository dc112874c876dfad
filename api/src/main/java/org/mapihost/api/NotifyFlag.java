package org.mapihost.api;

/**
 * Flags of {@code IXPLogon::TransportNotify}, from {@code MAPISPI.h}.
 *
 * @since 1.0
 */
public enum NotifyFlag implements MapiFlag {
	/** {@code NOTIFY_BEGIN_INBOUND}: inbound traffic may begin. */
	NOTIFY_BEGIN_INBOUND(0x00000001),
	/** {@code NOTIFY_BEGIN_OUTBOUND}: outbound traffic may begin. */
	NOTIFY_BEGIN_OUTBOUND(0x00000002),
	/** {@code NOTIFY_BEGIN_INBOUND_FLUSH}: flush the inbound queue. */
	NOTIFY_BEGIN_INBOUND_FLUSH(0x00000004),
	/** {@code NOTIFY_BEGIN_OUTBOUND_FLUSH}: flush the outbound queue. */
	NOTIFY_BEGIN_OUTBOUND_FLUSH(0x00000008),
	/** {@code NOTIFY_END_INBOUND}: inbound traffic ends. */
	NOTIFY_END_INBOUND(0x00010000),
	/** {@code NOTIFY_END_OUTBOUND}: outbound traffic ends. */
	NOTIFY_END_OUTBOUND(0x00020000),
	/** {@code NOTIFY_END_INBOUND_FLUSH}: the inbound flush ends. */
	NOTIFY_END_INBOUND_FLUSH(0x00040000),
	/** {@code NOTIFY_END_OUTBOUND_FLUSH}: the outbound flush ends. */
	NOTIFY_END_OUTBOUND_FLUSH(0x00080000),
	/** {@code NOTIFY_ABORT_DEFERRED}: the spooler logs off with deferred messages queued. */
	NOTIFY_ABORT_DEFERRED(0x40000000),
	/** {@code NOTIFY_CANCEL_MESSAGE}: cancel the message being sent. */
	NOTIFY_CANCEL_MESSAGE(0x80000000);

	private final int value;

	NotifyFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

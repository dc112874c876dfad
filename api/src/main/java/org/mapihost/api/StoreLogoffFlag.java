package org.mapihost.api;

/**
 * Flags of {@code IMsgStore::StoreLogoff} and {@code IMAPISupport::StoreLogoffTransports}, from {@code MAPIDefS.h}. The first five are input flags, exactly one per call; the last four are output flags.
 *
 * @since 1.0
 */
public enum StoreLogoffFlag implements MapiFlag {
	/** {@code LOGOFF_NO_WAIT}: do not wait for transports; ready outbound mail is still sent. */
	LOGOFF_NO_WAIT(0x00000001),
	/** {@code LOGOFF_ORDERLY}: finish messages in progress, start no new ones. */
	LOGOFF_ORDERLY(0x00000002),
	/** {@code LOGOFF_PURGE}: like NO_WAIT, but flush the transports' queues first and return when done. */
	LOGOFF_PURGE(0x00000004),
	/** {@code LOGOFF_ABORT}: stop transport activity; if activity is in progress, do not log off. */
	LOGOFF_ABORT(0x00000008),
	/** {@code LOGOFF_QUIET}: do not log off while transport activity is in progress. */
	LOGOFF_QUIET(0x00000010),
	/** {@code LOGOFF_COMPLETE}: (out) the logoff can complete. */
	LOGOFF_COMPLETE(0x00010000),
	/** {@code LOGOFF_INBOUND}: (out) inbound messages are arriving. */
	LOGOFF_INBOUND(0x00020000),
	/** {@code LOGOFF_OUTBOUND}: (out) outbound messages are being sent. */
	LOGOFF_OUTBOUND(0x00040000),
	/** {@code LOGOFF_OUTBOUND_QUEUE}: (out) messages are pending in the Outbox. */
	LOGOFF_OUTBOUND_QUEUE(0x00080000);

	private final int value;

	StoreLogoffFlag(int value) {
		this.value = value;
	}

	@Override
	public int value() {
		return value;
	}
}

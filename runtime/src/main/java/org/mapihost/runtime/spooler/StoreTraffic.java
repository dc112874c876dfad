package org.mapihost.runtime.spooler;

import org.mapihost.api.StoreLogoffFlag;

/** The spooler's traffic state for one open store; guarded by the {@link Spooler}'s monitor. */
final class StoreTraffic {
	/** What the spooler may still do for the store, after {@code StoreLogoff}. */
	enum Mode {
		/** Sends and receives. */
		OPEN,
		/** {@code LOGOFF_NO_WAIT}: sends the ready queue once more, receives nothing new, then lets go. */
		NO_WAIT,
		/** {@code LOGOFF_ORDERLY}: finishes the message in progress, starts none. */
		ORDERLY,
		/** {@code LOGOFF_ABORT} turned down: starts nothing until the next submit or purge. */
		STOPPED,
		/** Logged off: starts nothing. */
		CLOSED
	}

	private static final long MAX_BACKOFF_MILLIS = 60_000;

	final StoreLink store;
	final boolean receive;
	Mode mode = Mode.OPEN;
	boolean outbound;
	boolean inbound;
	boolean clientGone;
	boolean queueSent;
	/** How many times the spooler began to read the store's outgoing queue. */
	long reads;
	/** {@link #reads} when {@code LOGOFF_NO_WAIT} came: a read after it sees the whole ready queue. */
	long readsAtNoWait;
	private int failures;
	private long retryAt = System.nanoTime();

	StoreTraffic(StoreLink store, boolean receive) {
		this.store = store;
		this.receive = receive;
	}

	boolean inProgress() {
		return outbound || inbound;
	}

	boolean idle() {
		return !inProgress();
	}

	boolean mayStartOutbound() {
		return mode == Mode.OPEN && !clientGone || mode == Mode.NO_WAIT;
	}

	boolean mayReceive() {
		return mode == Mode.OPEN && !clientGone;
	}

	/** {@code LOGOFF_NO_WAIT} keeps the store until its ready queue has been sent once. */
	boolean sendsQueueBeforeRelease() {
		return mode == Mode.NO_WAIT && !queueSent;
	}

	/** The traffic out-flags, given how many messages wait in the Outbox (the one in progress among them). */
	int trafficFlags(int inOutbox) {
		int waiting = inOutbox - (outbound ? 1 : 0);
		return (inbound ? StoreLogoffFlag.LOGOFF_INBOUND.value() : 0) | (outbound ? StoreLogoffFlag.LOGOFF_OUTBOUND.value() : 0)
				| (waiting > 0 ? StoreLogoffFlag.LOGOFF_OUTBOUND_QUEUE.value() : 0);
	}

	int logoff(Mode next) {
		mode = next;
		queueSent = false;
		readsAtNoWait = reads;
		return StoreLogoffFlag.LOGOFF_COMPLETE.value();
	}

	int turnDown(Mode next) {
		mode = next;
		return 0;
	}

	void resumeAfterAbort() {
		if (mode == Mode.STOPPED) {
			mode = Mode.OPEN;
		}
		retryAt = System.nanoTime();
	}

	void failed(long pollMillis) {
		long backoff = Math.min(MAX_BACKOFF_MILLIS, pollMillis << Math.min(failures, 16));
		failures++;
		retryAt = System.nanoTime() + backoff * 1_000_000;
	}

	void sent() {
		failures = 0;
	}

	boolean backoffOver() {
		return System.nanoTime() - retryAt >= 0;
	}
}

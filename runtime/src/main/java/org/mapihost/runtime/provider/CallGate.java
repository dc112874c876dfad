package org.mapihost.runtime.provider;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;

/**
 * Counts the calls in flight into one provider service, so that a hot unload can refuse new
 * calls and wait, bounded, for the ones in flight. Concurrency: {@code this}.
 */
public final class CallGate {
	private final String provider;
	private int inFlight;
	private boolean closed;

	CallGate(String provider) {
		this.provider = provider;
	}

	/** @throws MapiException {@code MAPI_E_INVALID_OBJECT} once the gate is closed */
	public synchronized void enter() {
		if (closed) {
			throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, "provider " + provider + " is being unloaded");
		}
		inFlight++;
	}

	public synchronized void exit() {
		if (--inFlight == 0) {
			notifyAll();
		}
	}

	public synchronized boolean isClosed() {
		return closed;
	}

	/** Refuses new calls and waits up to {@code millis} for those in flight; returns how many are left. */
	public synchronized int closeAndDrain(long millis) {
		closed = true;
		long deadline = System.nanoTime() + millis * 1_000_000;
		while (inFlight > 0) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				break;
			}
			try {
				wait(left);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return inFlight;
	}
}

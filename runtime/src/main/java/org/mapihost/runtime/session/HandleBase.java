package org.mapihost.runtime.session;

import java.util.function.Supplier;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiHandle;
import org.mapihost.api.ResultCode;
import org.mapihost.runtime.leaks.LeakTracker;

/**
 * A client handle: the runtime's reference count and MAPI's {@code MakeInvalid}. Concurrency:
 * {@code this} guards the count and the valid flag; {@link #lastReleased()} runs without it.
 */
abstract class HandleBase implements MapiHandle, MapiHandleInfo {
	private final String id;
	private int references = 1;
	private boolean invalid;
	private LeakTracker.Tracked tracked;

	HandleBase(String id) {
		this.id = id;
	}

	@Override
	public final String id() {
		return id;
	}

	@Override
	public final int addRef() {
		synchronized (this) {
			if (!invalid && references > 0) {
				return ++references;
			}
		}
		throw invalidObject();
	}

	@Override
	public final int release() {
		int left;
		synchronized (this) {
			if (references == 0) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, id + " was already released");
			}
			left = --references;
			updateLeakState();
			if (left == 0 && tracked != null) {
				tracked.released();
			}
			if (left > 0 || invalid) {
				return left;
			}
		}
		lastReleased();
		return 0;
	}

	@Override
	public final synchronized boolean isValid() {
		return !invalid && references > 0;
	}

	@Override
	public final synchronized int references() {
		return references;
	}

	/**
	 * Tracks the handle: it leaks when it is invalid and the client still holds references. The
	 * tracker sees only a snapshot holder, never the handle, so a leaked handle is reported
	 * without the report itself keeping the handle (and what it points to) alive.
	 */
	final void track(LeakTracker leaks, Supplier<String> description) {
		LeakState state = leakState;
		tracked = leaks.track("client handle", description, state::leaked);
	}

	/** What the leak tracker may see of a handle: kept current under the handle's lock. */
	private static final class LeakState {
		private volatile boolean leaked;

		boolean leaked() {
			return leaked;
		}
	}

	private final LeakState leakState = new LeakState();

	private void updateLeakState() {
		leakState.leaked = invalid && references > 0;
	}

	/** MAPI's {@code MakeInvalid}: every call but release fails from now on. */
	final synchronized void invalidate() {
		invalid = true;
		updateLeakState();
	}

	final void checkValid() {
		if (!isValid()) {
			throw invalidObject();
		}
	}

	private MapiException invalidObject() {
		return new MapiException(ResultCode.MAPI_E_INVALID_OBJECT, id + " is no longer valid (" + whyInvalid() + ")");
	}

	String whyInvalid() {
		return "released, or its store or session is gone";
	}

	/** Called once, outside the lock, when the last reference of a valid handle goes. */
	abstract void lastReleased();
}

package org.mapihost.runtime.leaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps what the runtime made and has not released yet — provider objects, logons, client
 * handles, support objects. An object is a leak when it is still here although its owner is
 * gone (its session logged off, its store or logon shut down). With {@code debug} on, each
 * entry remembers where it was made. Concurrency: the live set is concurrent.
 */
public final class LeakTracker {
	private final boolean debug;
	private final Set<Tracked> live = ConcurrentHashMap.newKeySet();

	/** One tracked object; {@link #released()} once it is gone. */
	public final class Tracked {
		private final String kind;
		private final Supplier<String> description;
		private final BooleanSupplier leaked;
		private final Throwable origin;

		private Tracked(String kind, Supplier<String> description, BooleanSupplier leaked) {
			this.kind = kind;
			this.description = description;
			this.leaked = leaked;
			this.origin = debug ? new Throwable("created here") : null;
		}

		public void released() {
			live.remove(this);
		}

		String describe() {
			if (origin == null) {
				return description.get();
			}
			StringBuilder text = new StringBuilder(description.get()).append(", created at");
			int shown = 0;
			for (StackTraceElement frame : origin.getStackTrace()) {
				if (!frame.getClassName().startsWith(LeakTracker.class.getPackageName()) && shown++ < 6) {
					text.append("\n    at ").append(frame);
				}
			}
			return text.toString();
		}
	}

	public LeakTracker(boolean debug) {
		this.debug = debug;
	}

	/**
	 * @param kind        "provider object", "logon", "support object" or "client handle"
	 * @param description what it is, e.g. "msl3 of org.example.store in session s2"
	 * @param leaked      true once the object outlived its owner
	 */
	public Tracked track(String kind, String description, BooleanSupplier leaked) {
		return track(kind, () -> description, leaked);
	}

	/** As {@link #track(String, String, BooleanSupplier)}; the description is made only when a leak is reported. */
	public Tracked track(String kind, Supplier<String> description, BooleanSupplier leaked) {
		Tracked tracked = new Tracked(kind, description, leaked);
		live.add(tracked);
		return tracked;
	}

	/** The leaks of one kind, described. */
	public List<String> leaked(String kind) {
		List<String> leaks = new ArrayList<>();
		for (Tracked tracked : live) {
			if (tracked.kind.equals(kind) && tracked.leaked.getAsBoolean()) {
				leaks.add(tracked.describe());
			}
		}
		return leaks;
	}
}

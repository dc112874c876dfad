package org.mapihost.runtime.spooler;

/**
 * How the spooler paces itself.
 *
 * @param pollMillis  how often it polls transports and retries the Outbox
 * @param flushMillis how long {@code LOGOFF_PURGE} may take
 * @param drainMillis how long a logoff waits for a call the spooler has in flight
 */
public record SpoolerSettings(long pollMillis, long flushMillis, long drainMillis) {
	public static final SpoolerSettings DEFAULTS = new SpoolerSettings(250, 30_000, 10_000);

	public SpoolerSettings {
		if (pollMillis < 10 || flushMillis < 0 || drainMillis < 0) {
			throw new IllegalArgumentException("bad spooler settings: pollMillis=" + pollMillis + " (at least 10), flushMillis="
					+ flushMillis + ", drainMillis=" + drainMillis);
		}
	}
}

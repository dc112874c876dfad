package org.mapihost.itests.valve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.OutboundMessage;

/**
 * The test's handle on the valve transport. Every {@code SubmitMessage} passes through here:
 * it is accepted at once while the valve is open, waits while it is held, and fails with
 * {@code MAPI_E_NETWORK_ERROR} while it is failing. Concurrency: the class monitor.
 */
public final class Valve {
	/** The valve transport's provider name. */
	public static final String PROVIDER = "org.mapihost.itests.valve";
	/** The address type it takes. */
	public static final String ADDRESS_TYPE = "VALVE";

	private static boolean held;
	private static boolean failing;
	private static int waiting;
	private static int attempts;
	private static final List<String> accepted = new ArrayList<>();
	private static final List<String> calls = new ArrayList<>();

	private Valve() {
	}

	/** Open, not failing, nothing recorded. */
	public static synchronized void reset() {
		held = false;
		failing = false;
		attempts = 0;
		accepted.clear();
		calls.clear();
		Valve.class.notifyAll();
	}

	/** Hand-overs from now on wait until {@link #open()}. */
	public static synchronized void hold() {
		held = true;
	}

	/** Lets waiting and later hand-overs through. */
	public static synchronized void open() {
		held = false;
		Valve.class.notifyAll();
	}

	/** Hand-overs fail (a transport that cannot reach its server) until {@link #open()} or {@link #reset()}. */
	public static synchronized void fail(boolean fail) {
		failing = fail;
		Valve.class.notifyAll();
	}

	/** Waits until a hand-over is held in the valve (or, while failing, was tried); returns whether one is. */
	public static synchronized boolean awaitHeld(long millis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (waiting == 0 && !(failing && attempts > 0)) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				return false;
			}
			Valve.class.wait(left);
		}
		return true;
	}

	/** Waits until {@code count} messages were accepted; returns whether they were. */
	public static synchronized boolean awaitAccepted(int count, long millis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (accepted.size() < count) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				return false;
			}
			Valve.class.wait(left);
		}
		return true;
	}

	/** The Message-IDs accepted, in order (twice if handed over twice). */
	public static synchronized List<String> accepted() {
		return List.copyOf(accepted);
	}

	/** Every call the valve transport got, such as {@code TransportNotify BEGIN_INBOUND|BEGIN_OUTBOUND}. */
	public static synchronized List<String> calls() {
		return List.copyOf(calls);
	}

	/** Called by the transport. */
	public static synchronized void record(String call) {
		calls.add(call);
	}

	/** Called by the transport's {@code SubmitMessage}: waits while held, then accepts or fails. */
	public static synchronized void pass(OutboundMessage message) {
		calls.add("SubmitMessage " + message.messageId());
		attempts++;
		waiting++;
		Valve.class.notifyAll();
		try {
			while (held && !failing) {
				Valve.class.wait();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MapiException(ResultCode.MAPI_E_USER_CANCEL, "interrupted in the valve");
		} finally {
			waiting--;
		}
		if (failing) {
			throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, "the valve is failing");
		}
		accepted.add(message.messageId());
		Valve.class.notifyAll();
	}
}

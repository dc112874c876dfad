package org.mapihost.runtime.provider;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.mapihost.runtime.watch.CallWatch;
import org.mapihost.runtime.watch.InFlight;

/**
 * Calls into provider code with a trace step around each call, watched by the {@link CallWatch}.
 * A {@link MapiException} is the provider's answer; anything else it throws is a protocol
 * violation, recorded as such; a call the watch gave up on fails with {@code MAPI_E_TIMEOUT}
 * whatever the provider answers when it comes back.
 */
public final class ProviderCalls {
	private final TraceRecorder trace;
	private final CallWatch watch;
	private final String session;

	public ProviderCalls(TraceRecorder trace, CallWatch watch, String session) {
		this.trace = trace;
		this.watch = watch;
		this.session = session;
	}

	/** Calls and returns the result; a failure is traced and thrown as a MapiException. */
	public <T> T call(String call, String provider, String object, List<String> flags, Supplier<T> body) {
		return call(call, provider, object, flags, body, late -> {
		});
	}

	/** As {@link #call}, and what the provider answers after the watch gave up on it goes to {@code discard}. */
	public <T> T call(String call, String provider, String object, List<String> flags, Supplier<T> body, Consumer<T> discard) {
		Step step = trace.begin(call, session, provider, object, flags);
		InFlight flight = watch.enter(call, session, provider, object, step);
		T result;
		try {
			result = body.get();
		} catch (MapiException e) {
			if (!watch.exit(flight)) {
				throw late(step, call, provider, e);
			}
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		} catch (RuntimeException | LinkageError e) {
			if (!watch.exit(flight)) {
				throw late(step, call, provider, e);
			}
			TraceRecorder.end(step, ResultCode.MAPI_E_CALL_FAILED, e.toString());
			trace.violation(session, provider, object, call + " threw " + e);
			throw new Threw("provider " + provider + " failed in " + call + ": " + e, e);
		} catch (Error e) {
			watch.exit(flight);
			TraceRecorder.end(step, ResultCode.MAPI_E_CALL_FAILED, e.toString());
			throw e;
		}
		if (!watch.exit(flight)) {
			MapiException late = late(step, call, provider, null);
			try {
				discard.accept(result);
			} catch (RuntimeException e) {
				trace.violation(session, provider, object, "releasing what " + call + " answered late failed: " + e);
			}
			throw late;
		}
		TraceRecorder.end(step, ResultCode.S_OK, null);
		return result;
	}

	/**
	 * A call too frequent to trace (the spooler's polls): only watched. What it throws passes
	 * through unchanged (anything but a MapiException also as a violation); a late answer fails
	 * with {@code MAPI_E_TIMEOUT}.
	 */
	public <T> T watched(String call, String provider, String object, Supplier<T> body) {
		InFlight flight = watch.enter(call, session, provider, object, null);
		T result;
		try {
			result = body.get();
		} catch (RuntimeException | Error e) {
			if (!watch.exit(flight)) {
				throw late(null, call, provider, e);
			}
			if (!(e instanceof MapiException) && !(e instanceof Error)) {
				trace.violation(session, provider, object, call + " threw " + e);
			}
			throw e;
		}
		if (!watch.exit(flight)) {
			throw late(null, call, provider, null);
		}
		return result;
	}

	/** The watch gave up on the call (and recorded why); what the provider answered late is dropped. */
	private MapiException late(Step step, String call, String provider, Throwable answer) {
		TraceRecorder.end(step, ResultCode.MAPI_E_TIMEOUT, null);
		return new TimedOut("provider " + provider + " did not answer " + call + " within " + watch.timeoutMillis()
				+ " ms; the runtime gave up on it", answer);
	}

	/** Calls a step of a startup sequence (such as TransportNotify): failures are traced, never thrown. */
	public ResultCode step(String call, String provider, String object, List<String> flags, Runnable body) {
		try {
			call(call, provider, object, flags, () -> {
				body.run();
				return null;
			});
			return ResultCode.S_OK;
		} catch (MapiException e) {
			return e.code();
		}
	}

	/**
	 * Calls a step of a shutdown sequence: failures are traced, never thrown, and the sequence
	 * goes on. These calls cannot fail in MAPI, so an error code is a protocol violation too.
	 */
	public ResultCode shutdownStep(String call, String provider, String object, List<String> flags, Runnable body) {
		try {
			call(call, provider, object, flags, () -> {
				body.run();
				return null;
			});
			return ResultCode.S_OK;
		} catch (TimedOut | Threw e) {
			return e.code();
		} catch (MapiException e) {
			trace.violation(session, provider, object, call + " answered " + e.code() + " (" + e.sentence()
					+ "), but a shutdown step must succeed; the sequence goes on");
			return e.code();
		}
	}

	/** A client-driven call into a provider: refused once the provider is being unloaded, counted while in flight. */
	public static <T> T gated(CallGate gate, Supplier<T> body) {
		gate.enter();
		try {
			return body.get();
		} finally {
			gate.exit();
		}
	}

	public void instant(String call, String provider, String object) {
		trace.instant(call, session, provider, object, List.of(), ResultCode.S_OK, null);
	}

	public void violation(String provider, String object, String detail) {
		trace.violation(session, provider, object, detail);
	}

	/** A provider threw something other than a MapiException: already recorded as a violation. */
	private static final class Threw extends MapiException {
		private static final long serialVersionUID = 1L;

		Threw(String sentence, Throwable thrown) {
			super(ResultCode.MAPI_E_CALL_FAILED, sentence, thrown);
		}
	}

	/** The watch gave up on a provider call. */
	private static final class TimedOut extends MapiException {
		private static final long serialVersionUID = 1L;

		TimedOut(String sentence, Throwable answer) {
			super(ResultCode.MAPI_E_TIMEOUT, sentence, answer);
		}
	}
}

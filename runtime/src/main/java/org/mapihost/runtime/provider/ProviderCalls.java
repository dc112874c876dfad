package org.mapihost.runtime.provider;

import java.util.List;
import java.util.function.Supplier;

import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;

/**
 * Calls into provider code with a trace step around each call. A {@link MapiException} is the
 * provider's answer; anything else it throws is a protocol violation, recorded as such.
 */
public final class ProviderCalls {
	private final TraceRecorder trace;
	private final String session;

	public ProviderCalls(TraceRecorder trace, String session) {
		this.trace = trace;
		this.session = session;
	}

	/** Calls and returns the result; a failure is traced and thrown as a MapiException. */
	public <T> T call(String call, String provider, String object, List<String> flags, Supplier<T> body) {
		Step step = trace.begin(call, session, provider, object, flags);
		try {
			T result = body.get();
			TraceRecorder.end(step, ResultCode.S_OK, null);
			return result;
		} catch (MapiException e) {
			TraceRecorder.end(step, e.code(), e.sentence());
			throw e;
		} catch (RuntimeException | LinkageError e) {
			TraceRecorder.end(step, ResultCode.MAPI_E_CALL_FAILED, e.toString());
			trace.violation(session, provider, object, call + " threw " + e);
			throw new MapiException(ResultCode.MAPI_E_CALL_FAILED, "provider " + provider + " failed in " + call + ": " + e, e);
		} catch (Error e) {
			TraceRecorder.end(step, ResultCode.MAPI_E_CALL_FAILED, e.toString());
			throw e;
		}
	}

	/** Calls a step of a shutdown sequence: failures are traced, never thrown, and the sequence goes on. */
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
}

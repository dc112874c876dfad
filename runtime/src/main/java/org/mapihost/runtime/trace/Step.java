package org.mapihost.runtime.trace;

import java.util.List;

import org.mapihost.api.ResultCode;

/**
 * A trace step that has begun and will end once: the runtime calls {@link #end} when the
 * call it stands for returns.
 */
public final class Step {
	final long seq;
	final long parent;
	final String call;
	final String session;
	final String provider;
	final String object;
	final List<String> flags;
	/** The step this one is nested in, on the thread that began it, or null. */
	final Step parentStep;
	private final TraceRecorder recorder;
	private boolean ended;

	Step(TraceRecorder recorder, long seq, Step parentStep, String call, String session, String provider, String object,
			List<String> flags) {
		this.recorder = recorder;
		this.seq = seq;
		this.parentStep = parentStep;
		this.parent = parentStep == null ? 0 : parentStep.seq;
		this.call = call;
		this.session = session;
		this.provider = provider;
		this.object = object;
		this.flags = flags;
	}

	/** The step this one is nested in, or null. */
	public Step parentStep() {
		return parentStep;
	}

	/**
	 * Ends the step with a result; only the first end counts.
	 */
	public void end(ResultCode result) {
		end(result, null);
	}

	/**
	 * Ends the step with a result and a sentence; only the first end counts. A later end (the
	 * thread that began the step, back from a call the watchdog had given up on) only takes
	 * the step off that thread's stack.
	 */
	public void end(ResultCode result, String detail) {
		synchronized (this) {
			if (ended) {
				recorder.leave(this);
				return;
			}
			ended = true;
		}
		recorder.ended(this, result, detail);
	}
}

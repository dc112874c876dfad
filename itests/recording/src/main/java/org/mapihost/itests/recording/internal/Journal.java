package org.mapihost.itests.recording.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.mapihost.itests.recording.RecordingLog;
import org.osgi.service.component.annotations.Component;

/**
 * The recording providers' shared log. Immediate, so that it outlives the provider objects
 * that write to it. Concurrency: both lists are copy-on-write; nothing else is shared.
 */
@Component(service = { RecordingLog.class, Journal.class }, immediate = true)
public class Journal implements RecordingLog {
	private final List<Call> calls = new CopyOnWriteArrayList<>();
	private final List<String> problems = new CopyOnWriteArrayList<>();
	private final AtomicInteger ids = new AtomicInteger();

	String newId(String prefix) {
		return prefix + "#" + ids.incrementAndGet();
	}

	void record(String provider, String object, String call, String detail) {
		calls.add(new Call(provider, object, call, detail));
	}

	void problem(String provider, String object, String sentence) {
		problems.add(provider + " " + object + ": " + sentence);
		record(provider, object, "PROBLEM", sentence);
	}

	@Override
	public List<Call> calls() {
		return List.copyOf(calls);
	}

	@Override
	public List<String> problems() {
		return List.copyOf(problems);
	}

	@Override
	public void clear() {
		calls.clear();
		problems.clear();
	}
}

package org.mapihost.runtime.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.TraceEvent;
import org.osgi.service.log.Logger;

class TraceRecorderTest {

	/** A Logger that does nothing; counts warnings so violation() can be checked. */
	private final List<String> warnings = new ArrayList<>();
	private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
			new Class<?>[] { Logger.class }, (proxy, method, args) -> {
				Class<?> type = method.getReturnType();
				return switch (method.getName()) {
				case "warn" -> {
					warnings.add(String.valueOf(args[0]));
					yield null;
				}
				case "getName", "toString" -> "test";
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == args[0];
				default -> type == boolean.class ? Boolean.FALSE : null;
				};
			});

	private final TraceRecorder recorder = new TraceRecorder(100, logger);

	private Step begin(String call) {
		return recorder.begin(call, "s1", "p", "o1", List.of());
	}

	private void instant(String call) {
		recorder.instant(call, "s1", "p", "o1", List.of(), ResultCode.S_OK, null);
	}

	private List<Long> seqs(List<TraceEvent> events) {
		return events.stream().map(TraceEvent::seq).toList();
	}

	private List<String> calls() {
		return recorder.events().stream().map(TraceEvent::call).toList();
	}

	@Test
	void recordsAStepWithItsFields() {
		Step step = recorder.begin("IMsgStore::StoreLogoff", "s1", "memstore", "ms1", List.of("LOGOFF_ORDERLY"));
		step.end(ResultCode.S_OK);
		assertEquals(List.of(new TraceEvent(1, 0, "IMsgStore::StoreLogoff", "s1", "memstore", "ms1",
				List.of("LOGOFF_ORDERLY"), "S_OK", null)), recorder.events());
		assertEquals(1, recorder.lastSeq());
	}

	@Test
	void nestedStepsGetTheirParent() {
		Step outer = begin("IMsgStore::Release");
		Step inner = begin("IMAPISupport::StoreLogoffTransports");
		Step innermost = begin("IXPLogon::TransportNotify");
		innermost.end(ResultCode.S_OK);
		Step sibling = begin("IMAPISupport::Release");
		sibling.end(ResultCode.S_OK);
		inner.end(ResultCode.S_OK);
		outer.end(ResultCode.S_OK);
		Step after = begin("MAPI::RemoveProviderUIDs");
		after.end(ResultCode.S_OK);

		List<TraceEvent> events = recorder.events();
		assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(events));
		assertEquals(List.of(0L, 1L, 2L, 2L, 0L), events.stream().map(TraceEvent::parent).toList());
	}

	@Test
	void innerStepsThatEndFirstAreHeldBackUntilTheOuterStepEnds() {
		Step outer = begin("IMsgStore::Release");
		Step inner = begin("IMAPISupport::Release");
		inner.end(ResultCode.S_OK);
		assertEquals(List.of(), recorder.events(), "held back until step 1 has ended");
		assertEquals(0, recorder.lastSeq());
		outer.end(ResultCode.S_OK);
		assertEquals(List.of("IMsgStore::Release", "IMAPISupport::Release"), calls());
		assertEquals(2, recorder.lastSeq());
	}

	@Test
	void aLaterStepOnAnotherThreadWaitsForEarlierSteps() throws Exception {
		Step first = begin("IMAPISession::OpenMsgStore");
		AtomicReference<Step> other = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			Step step = begin("IMAPISession::Logoff");
			other.set(step);
			step.end(ResultCode.S_OK);
		});
		thread.start();
		thread.join(10_000);
		assertFalse(thread.isAlive());
		assertEquals(List.of(), recorder.events());
		first.end(ResultCode.S_OK);
		List<TraceEvent> events = recorder.events();
		assertEquals(List.of(1L, 2L), seqs(events));
		assertEquals(0, events.get(1).parent(), "a step on another thread has no parent here");
	}

	@Test
	void onlyTheFirstEndCounts() {
		Step step = begin("IMSLogon::Logoff");
		step.end(ResultCode.S_OK);
		step.end(ResultCode.MAPI_E_CALL_FAILED, "again");
		assertEquals(1, recorder.events().size());
		assertEquals("S_OK", recorder.events().get(0).result());
		assertNull(recorder.events().get(0).detail());
	}

	@Test
	void endKeepsResultAndDetail() {
		TraceRecorder.end(begin("IMSProvider::Logon"), ResultCode.MAPI_E_LOGON_FAILED, "no password");
		TraceEvent event = recorder.events().get(0);
		assertEquals("MAPI_E_LOGON_FAILED", event.result());
		assertEquals("no password", event.detail());
	}

	@Test
	void capacityDropsTheOldest() {
		TraceRecorder small = new TraceRecorder(3, logger);
		for (int i = 1; i <= 5; i++) {
			small.instant("call" + i, null, null, null, List.of(), ResultCode.S_OK, null);
		}
		assertEquals(List.of(3L, 4L, 5L), seqs(small.events()));
		assertEquals(List.of("call3", "call4", "call5"), small.events().stream().map(TraceEvent::call).toList());
		assertEquals(5, small.lastSeq());
		assertEquals(List.of(4L, 5L), seqs(small.since(3)));
		assertEquals(List.of(3L, 4L, 5L), seqs(small.since(0)), "since an evicted seq gives what is kept");
	}

	@Test
	void sinceGivesTheEventsAfterASeq() {
		for (int i = 0; i < 4; i++) {
			instant("call" + i);
		}
		assertEquals(List.of(3L, 4L), seqs(recorder.since(2)));
		assertEquals(List.of(1L, 2L, 3L, 4L), seqs(recorder.since(0)));
		assertEquals(List.of(), recorder.since(recorder.lastSeq()));
		long mark = recorder.lastSeq();
		instant("next");
		assertEquals(List.of("next"), recorder.since(mark).stream().map(TraceEvent::call).toList());
	}

	@Test
	void recordingOffRecordsNothing() {
		assertTrue(recorder.isRecording());
		recorder.setRecording(false);
		assertFalse(recorder.isRecording());
		assertNull(begin("IMsgStore::Release"));
		TraceRecorder.end(null, ResultCode.S_OK, null);
		instant("MAPIInitialize");
		recorder.violation("s1", "p", "o1", "something wrong");
		assertEquals(List.of(), recorder.events());
		assertEquals(0, recorder.lastSeq());

		recorder.setRecording(true);
		instant("MAPIUninitialize");
		assertEquals(List.of(1L), seqs(recorder.events()), "no sequence numbers were used while off");
	}

	@Test
	void aStepBegunBeforeRecordingWentOffDoesNotBlockLaterSteps() {
		Step open = begin("IMAPISession::Logoff");
		recorder.setRecording(false);
		open.end(ResultCode.S_OK);
		recorder.setRecording(true);
		instant("MAPIUninitialize");
		assertEquals("MAPIUninitialize", recorder.events().get(recorder.events().size() - 1).call());
	}

	@Test
	void violationIsRecordedAndLogged() {
		recorder.violation("s1", "memstore", "sup1", "IMAPISupport::Release called twice");
		TraceEvent event = recorder.events().get(0);
		assertEquals(TraceEvent.VIOLATION, event.call());
		assertEquals("MAPI_E_CALL_FAILED", event.result());
		assertEquals("IMAPISupport::Release called twice", event.detail());
		assertEquals("memstore", event.provider());
		assertEquals(1, warnings.size());
	}

	@Test
	void flagsAreCopiedWhenTheStepBegins() {
		List<String> flags = new ArrayList<>(List.of("LOGOFF_ABORT"));
		Step step = recorder.begin("IMAPISupport::StoreLogoffTransports", "s1", "p", "sup1", flags);
		flags.add("LOGOFF_QUIET");
		step.end(ResultCode.S_OK);
		assertEquals(List.of("LOGOFF_ABORT"), recorder.events().get(0).flags());
	}

	@Test
	void eventsIsASnapshot() {
		instant("a");
		List<TraceEvent> snapshot = recorder.events();
		instant("b");
		assertEquals(1, snapshot.size());
		assertEquals(2, recorder.events().size());
	}
}

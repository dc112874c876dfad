package org.mapihost.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiException;
import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.runtime.provider.ProviderCalls;
import org.mapihost.runtime.trace.Step;
import org.mapihost.runtime.trace.TraceRecorder;
import org.osgi.service.log.Logger;

class CallWatchTest {
	private static final long WAIT_SECONDS = 10;

	private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
			(proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE
					: method.getName().equals("getName") ? "test" : null);
	private final TraceRecorder trace = new TraceRecorder(1_000, log);
	private final CallWatch watch = new CallWatch(100, trace, log);
	private final ProviderCalls calls = new ProviderCalls(trace, watch, "s1");
	private final HandOverLock lock = new HandOverLock();
	/** Which thread ran each action. */
	private final Map<String, Thread> ranOn = new ConcurrentHashMap<>();
	private final CountDownLatch lastActionRan = new CountDownLatch(1);
	private final CountDownLatch letGo = new CountDownLatch(1);

	@AfterEach
	void close() {
		letGo.countDown();
		watch.close();
	}

	/** A provider call that ignores interrupts until the test lets it go. */
	private void hang() {
		boolean interrupted = false;
		while (true) {
			try {
				if (letGo.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
					break;
				}
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private Sequence sequence(Runnable hungStep) {
		Sequence sequence = new Sequence(watch, trace, "test sequence").holding(lock);
		sequence.add(() -> ranOn.put("first", Thread.currentThread()))
				.add(() -> calls.shutdownStep("IMSLogon::Logoff", "p", "msl1", List.of(), hungStep))
				.add(() -> calls.shutdownStep("IMSLogon::Release", "p", "msl1", List.of(), () -> ranOn.put("release", Thread.currentThread())))
				.add(() -> {
					ranOn.merge("last", Thread.currentThread(), (a, b) -> {
						throw new AssertionError("the last action ran twice");
					});
					lastActionRan.countDown();
				});
		return sequence;
	}

	@Test
	void aSequenceWithoutHangsRunsOnItsThread() throws Exception {
		assertTrue(lock.tryLock(1, TimeUnit.SECONDS));
		assertTrue(sequence(() -> {
		}).run());
		lock.unlock();
		assertEquals(Thread.currentThread(), ranOn.get("release"));
		assertEquals(Thread.currentThread(), ranOn.get("last"));
		assertEquals(List.of(), trace.events().stream().filter(e -> e.call().equals(TraceEvent.VIOLATION)).toList());
		assertEquals(0, watch.abandonedCalls());
	}

	@Test
	void aHungStepIsAbandonedAndTheRestRunsOnARescueThread() throws Exception {
		AtomicReference<Boolean> finishedHere = new AtomicReference<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean(true);
		Thread caller = new Thread(() -> {
			try {
				assertTrue(lock.tryLock(1, TimeUnit.SECONDS));
			} catch (InterruptedException e) {
				throw new AssertionError(e);
			}
			try {
				Step outer = trace.begin("IMAPISession::Logoff", "s1", null, "s1", List.of());
				finishedHere.set(sequence(this::hang).closing(outer).run());
				stillInterrupted.set(Thread.currentThread().isInterrupted());
				TraceRecorder.end(outer, ResultCode.S_OK, null);
				assertEquals(null, trace.current(), "the caller's stack is clean");
			} finally {
				lock.unlock();
			}
		}, "caller");
		caller.start();

		assertTrue(lastActionRan.await(WAIT_SECONDS, TimeUnit.SECONDS), "the rest of the sequence ran while the step hung");
		Thread rescuer = ranOn.get("last");
		assertNotEquals(caller, rescuer);
		assertEquals(rescuer, ranOn.get("release"));
		assertTrue(caller.isAlive(), "the caller is still in the provider");
		Thread other = new Thread(() -> {
			try {
				assertTrue(lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS), "the rescue thread let go of the lock");
				lock.unlock();
			} catch (InterruptedException e) {
				throw new AssertionError(e);
			}
		});
		other.start();
		other.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		assertFalse(other.isAlive());

		letGo.countDown();
		caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		assertFalse(caller.isAlive());
		assertEquals(Boolean.FALSE, finishedHere.get(), "the caller learns that its sequence was taken over");
		assertFalse(stillInterrupted.get(), "the watchdog's interrupt is cleared when the caller comes back");
		assertEquals(1, watch.abandonedCalls());

		List<TraceEvent> events = trace.events();
		TraceEvent hung = only(events, "IMSLogon::Logoff");
		assertEquals(ResultCode.MAPI_E_TIMEOUT.name(), hung.result());
		TraceEvent violation = only(events, TraceEvent.VIOLATION);
		assertEquals("p", violation.provider());
		assertTrue(violation.detail().contains("IMSLogon::Logoff") && violation.detail().contains("called at"), violation.detail());
		TraceEvent release = only(events, "IMSLogon::Release");
		assertEquals(hung.parent(), release.parent(), "the rescue thread's steps nest where the caller's would have");
		TraceEvent outer = events.stream().filter(e -> e.seq() == hung.parent()).findFirst().orElseThrow();
		assertTrue(outer.detail().contains("finished by the runtime"), outer.toJson());
	}

	@Test
	void aLateAnswerOutsideASequenceFailsWithTimeout() {
		AtomicReference<Thread> caller = new AtomicReference<>();
		MapiException e = assertThrows(MapiException.class, () -> calls.call("IMsgStore::StoreLogoff", "p", "ms1", List.of(), () -> {
			caller.set(Thread.currentThread());
			try {
				Thread.sleep(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
			} catch (InterruptedException interrupted) {
				return 0x10000;
			}
			return 0;
		}));
		assertEquals(ResultCode.MAPI_E_TIMEOUT, e.code());
		assertFalse(Thread.currentThread().isInterrupted());
		assertEquals(ResultCode.MAPI_E_TIMEOUT.name(), only(trace.events(), "IMsgStore::StoreLogoff").result());
		assertEquals(1, trace.events().stream().filter(ev -> ev.call().equals(TraceEvent.VIOLATION)).count());
	}

	@Test
	void theRuntimesOwnTimeInACallbackDoesNotCount() throws Exception {
		int answer = calls.call("IMsgStore::StoreLogoff", "p", "ms1", List.of(), () -> {
			watch.pause();
			try {
				Thread.sleep(400);
			} catch (InterruptedException e) {
				throw new AssertionError("interrupted during the runtime's own wait", e);
			} finally {
				watch.resume();
			}
			return 7;
		});
		assertEquals(7, answer);
		assertEquals(0, watch.abandonedCalls());
	}

	@Test
	void anErrorCodeFromAShutdownStepIsAViolation() {
		ResultCode result = calls.shutdownStep("IABLogon::Logoff", "p", "abl1", List.of(), () -> {
			throw new MapiException(ResultCode.MAPI_E_BUSY, "busy");
		});
		assertEquals(ResultCode.MAPI_E_BUSY, result);
		assertTrue(only(trace.events(), TraceEvent.VIOLATION).detail().contains("MAPI_E_BUSY"));
	}

	@Test
	void rejectsANonPositiveTimeout() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CallWatch(0, trace, log));
		assertTrue(e.getMessage().contains("0 ms"), e.getMessage());
	}

	private static TraceEvent only(List<TraceEvent> events, String call) {
		List<TraceEvent> found = events.stream().filter(e -> e.call().equals(call)).toList();
		assertEquals(1, found.size(), () -> call + " in " + events);
		return found.get(0);
	}
}

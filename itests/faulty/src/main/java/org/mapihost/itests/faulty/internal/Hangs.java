package org.mapihost.itests.faulty.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.itests.faulty.FaultControl;
import org.mapihost.itests.faulty.FaultyProviders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Commits the faults that happen at the start of a method (throw, error, hang) and keeps the
 * log a test reads. Immediate, so that it outlives the provider objects. Concurrency: {@code this}
 * guards everything; hung calls wait on it.
 */
@Component(service = { FaultControl.class, Hangs.class }, immediate = true)
public class Hangs implements FaultControl {
	private final List<String> calls = new ArrayList<>();
	private final Map<String, Integer> hangingByMethod = new HashMap<>();
	private final Map<String, Integer> hangsBegun = new HashMap<>();
	private final Map<String, Integer> interrupts = new HashMap<>();
	private long releases;

	/** The start of a provider method: records it and commits its throw, error and hang faults. */
	void enter(ProviderKind provider, String method, FaultPlan plan) {
		record(provider + " " + method);
		for (FaultPlan.Fault fault : plan.of(method)) {
			switch (fault.kind()) {
			case THROW -> throw new IllegalStateException("injected fault: " + method + ":throw");
			case ERROR -> throw new MapiException(fault.code(), "injected fault: " + method + ":error:" + fault.code());
			case HANG, HANG_INTERRUPTIBLY -> {
				hang(method, fault.millis(), fault.kind() == FaultPlan.Kind.HANG_INTERRUPTIBLY);
				record(provider + " " + method + " (late)");
			}
			default -> {
				// committed by the method itself
			}
			}
		}
	}

	synchronized void record(String call) {
		calls.add(call);
	}

	private synchronized void hang(String method, long millis, boolean interruptible) {
		long release = releases;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis == 0 ? FaultyProviders.HANG_LIMIT_MILLIS : millis);
		hangingByMethod.merge(method, 1, Integer::sum);
		hangsBegun.merge(method, 1, Integer::sum);
		notifyAll();
		boolean interrupted = false;
		try {
			while (releases == release) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this, left);
				} catch (InterruptedException e) {
					interrupts.merge(method, 1, Integer::sum);
					interrupted = true;
					if (interruptible) {
						break;
					}
				}
			}
		} finally {
			if (!interrupted && Thread.currentThread().isInterrupted()) {
				// Notified and interrupted at once: wait returned normally with the interrupt still pending.
				interrupts.merge(method, 1, Integer::sum);
			}
			hangingByMethod.merge(method, -1, Integer::sum);
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized void releaseHangs() {
		releases++;
		notifyAll();
	}

	@Override
	public synchronized boolean awaitHang(String method, long millis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (hangsBegun.getOrDefault(method, 0) == 0) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return true;
	}

	@Override
	public synchronized int hanging() {
		return hangingByMethod.values().stream().mapToInt(Integer::intValue).sum();
	}

	@Override
	public synchronized int interrupts(String method) {
		return interrupts.getOrDefault(method, 0);
	}

	@Override
	public synchronized List<String> calls() {
		return List.copyOf(calls);
	}

	@Override
	public synchronized void clear() {
		releaseHangs();
		calls.clear();
		interrupts.clear();
		hangsBegun.clear();
	}

	@Deactivate
	void deactivate() {
		releaseHangs();
	}
}

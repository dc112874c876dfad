package org.mapihost.runtime.spooler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.InboundMessage;
import org.mapihost.runtime.provider.ProviderCalls;
import org.osgi.service.log.Logger;

/**
 * The MAPI spooler of one session: moves submitted messages from each open store's Outbox to
 * the transports, delivers what transports receive into the receive store's Inbox, and gives
 * {@code StoreLogoff}'s flags their meaning. It runs on a thread of its own and never takes the
 * session's lock; a store it lets go of after its client released it is closed on a second
 * thread, which may. Concurrency: {@code this} guards {@code stores}, {@code transports}, the
 * traffic states and the pass counters; it is never held while a provider is called.
 */
public final class Spooler {
	private final String session;
	private final ProviderCalls calls;
	private final Logger log;
	private final SpoolerSettings settings;
	private final OutboundWork outbound;
	private final ScheduledExecutorService thread;
	private final ExecutorService closer;
	private final Map<String, StoreTraffic> stores = new LinkedHashMap<>();
	private final List<TransportLink> transports = new ArrayList<>();
	private final List<String> transportsInUse = new ArrayList<>();
	/** Every address type a transport of this session announced at its logon: a recipient of one waits for a transport that takes it. */
	private final Set<String> knownTypes = new HashSet<>();
	private long passesStarted;
	private long passesDone;
	private boolean passPending;
	private boolean stopped;

	public Spooler(String session, ProviderCalls calls, Logger log, SpoolerSettings settings) {
		this.session = session;
		this.calls = calls;
		this.log = log;
		this.settings = settings;
		this.outbound = new OutboundWork(calls, log, this::transports, this::knownType);
		this.thread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mapihost-spooler-" + session));
		this.closer = Executors.newSingleThreadExecutor(r -> daemon(r, "mapihost-spooler-close-" + session));
		thread.scheduleWithFixedDelay(this::pass, settings.pollMillis(), settings.pollMillis(), TimeUnit.MILLISECONDS);
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	/** A transport's traffic is enabled: it takes the recipients of its address types. */
	public synchronized void addTransport(TransportLink transport) {
		transports.add(transport);
		knownTypes.addAll(transport.addressTypes());
		kick();
	}

	/**
	 * A transport of this session logged on and named its address types. Known from here, not only
	 * once its traffic is enabled: a transport hot-unloaded between the session's logon and its first
	 * store's opening never gets that far, and its recipients must then wait in the Outbox for a
	 * session that has the transport, not be reported undeliverable (the soak lost messages so).
	 */
	public synchronized void addressTypesAnnounced(Collection<String> addressTypes) {
		knownTypes.addAll(addressTypes);
	}

	private synchronized boolean knownType(String addressType) {
		return knownTypes.contains(addressType);
	}

	/** A transport is about to log off: no new calls; waits (bounded) for the one in flight. */
	public void removeTransport(String id) {
		synchronized (this) {
			transports.removeIf(t -> t.id().equals(id));
			awaitLocked(() -> !transportsInUse.contains(id), settings.drainMillis());
		}
	}

	private synchronized List<TransportLink> transports() {
		return List.copyOf(transports);
	}

	/** A store was opened; the first store opened in profile order receives inbound mail. */
	public synchronized void addStore(StoreLink store, boolean receive) {
		stores.put(store.id(), new StoreTraffic(store, receive));
		kick();
	}

	/** {@code IMessage::SubmitMessage} went through; a store stopped by {@code LOGOFF_ABORT} resumes. */
	public synchronized void submitted(String storeId) {
		StoreTraffic traffic = stores.get(storeId);
		if (traffic != null) {
			traffic.resumeAfterAbort();
		}
		kick();
	}

	/**
	 * The store's client released it. Returns true if the store may close now; otherwise the
	 * spooler is still working for it and runs its {@link StoreLink#close()} when done.
	 */
	public synchronized boolean letGo(String storeId) {
		StoreTraffic traffic = stores.get(storeId);
		if (traffic == null || traffic.idle() && !traffic.sendsQueueBeforeRelease()) {
			stores.remove(storeId);
			if (traffic != null) {
				traffic.mode = StoreTraffic.Mode.CLOSED;
			}
			return true;
		}
		traffic.clientGone = true;
		kick();
		return false;
	}

	/** The store is shut down (released, logged off, or its provider unloaded); waits (bounded) for the spooler's call in it. */
	public void removeStore(String storeId) {
		synchronized (this) {
			StoreTraffic traffic = stores.get(storeId);
			if (traffic == null) {
				return;
			}
			traffic.mode = StoreTraffic.Mode.CLOSED;
			awaitLocked(traffic::idle, settings.drainMillis());
			stores.remove(storeId);
		}
	}

	/**
	 * {@code IMAPISupport::StoreLogoffTransports}: returns the out-flags. It reads the store's
	 * outgoing queue (on the caller's thread) to report {@code LOGOFF_OUTBOUND_QUEUE} exactly.
	 */
	public int storeLogoff(String storeId, StoreLogoffFlag flag) {
		StoreTraffic traffic;
		synchronized (this) {
			traffic = stores.get(storeId);
		}
		if (traffic == null) {
			return StoreLogoffFlag.LOGOFF_COMPLETE.value();
		}
		if (flag == StoreLogoffFlag.LOGOFF_PURGE) {
			return purge(traffic);
		}
		int inOutbox = inOutbox(traffic);
		synchronized (this) {
			int busy = traffic.trafficFlags(inOutbox);
			int out = switch (flag) {
			case LOGOFF_NO_WAIT -> traffic.logoff(busy == 0 ? StoreTraffic.Mode.CLOSED : StoreTraffic.Mode.NO_WAIT);
			case LOGOFF_ORDERLY -> traffic.logoff(StoreTraffic.Mode.ORDERLY);
			case LOGOFF_ABORT -> traffic.inProgress() ? traffic.turnDown(StoreTraffic.Mode.STOPPED) : traffic.logoff(StoreTraffic.Mode.CLOSED);
			case LOGOFF_QUIET -> traffic.inProgress() ? traffic.turnDown(traffic.mode) : traffic.logoff(StoreTraffic.Mode.CLOSED);
			default -> throw new IllegalArgumentException("not an input flag of StoreLogoff: " + flag);
			};
			kick();
			return out | busy;
		}
	}

	/** {@code LOGOFF_PURGE}: one whole pass after this call (every queued message tried, one poll), then logged off. */
	private int purge(StoreTraffic traffic) {
		synchronized (this) {
			traffic.resumeAfterAbort();
			long after = passesStarted;
			kick();
			if (!awaitLocked(() -> passesDone > after && !traffic.inProgress(), settings.flushMillis())) {
				log.warn("Spooler of session {}: LOGOFF_PURGE of {} did not finish within {} ms", session, traffic.store.id(),
						settings.flushMillis());
				return traffic.trafficFlags(0);
			}
			traffic.logoff(StoreTraffic.Mode.CLOSED);
		}
		return StoreLogoffFlag.LOGOFF_COMPLETE.value() | traffic.trafficFlags(inOutbox(traffic));
	}

	private int inOutbox(StoreTraffic traffic) {
		try {
			return outbound.queue(traffic.store).size();
		} catch (MapiException e) {
			log.warn("Spooler of session {}: cannot read the outgoing queue of {}: {}", session, traffic.store.id(), e.getMessage());
			return 0;
		}
	}

	/** The session logs off: no new work; waits (bounded) for the work in flight, then ends the threads. */
	public void stop() {
		synchronized (this) {
			stopped = true;
			stores.values().forEach(t -> t.mode = StoreTraffic.Mode.CLOSED);
			transports.clear();
			awaitLocked(() -> stores.values().stream().allMatch(StoreTraffic::idle) && transportsInUse.isEmpty(), settings.drainMillis());
			stores.clear();
		}
		thread.shutdownNow();
		closer.shutdown();
	}

	private void kick() {
		if (!passPending && !stopped) {
			passPending = true;
			thread.execute(this::pass);
		}
	}

	private void pass() {
		List<StoreTraffic> snapshot;
		synchronized (this) {
			if (stopped) {
				return;
			}
			passPending = false;
			passesStarted++;
			snapshot = List.copyOf(stores.values());
		}
		try {
			for (StoreTraffic traffic : snapshot) {
				sendQueue(traffic);
			}
			receive(snapshot);
		} catch (RuntimeException e) {
			log.error("Spooler of session {}: pass failed: {}", session, e.toString());
		} finally {
			synchronized (this) {
				passesDone++;
				notifyAll();
			}
			snapshot.forEach(this::closeIfDone);
		}
	}

	private void sendQueue(StoreTraffic traffic) {
		long read;
		synchronized (this) {
			if (!traffic.mayStartOutbound() || !traffic.backoffOver()) {
				return;
			}
			read = ++traffic.reads;
		}
		try {
			for (EntryId message : outbound.queue(traffic.store)) {
				synchronized (this) {
					if (!traffic.mayStartOutbound()) {
						return;
					}
					traffic.outbound = true;
				}
				boolean sent = false;
				try {
					outbound.send(traffic.store, message, this::usingTransport);
					sent = true;
				} finally {
					synchronized (this) {
						traffic.outbound = false;
						if (sent) {
							traffic.sent();
						}
						notifyAll();
					}
				}
			}
		} catch (MapiException e) {
			synchronized (this) {
				traffic.failed(settings.pollMillis());
			}
			log.warn("Spooler of session {}: sending from {} failed, will retry: {}", session, traffic.store.id(), e.getMessage());
		} finally {
			synchronized (this) {
				if (traffic.mode == StoreTraffic.Mode.NO_WAIT && read > traffic.readsAtNoWait) {
					traffic.queueSent = true;
				}
				notifyAll();
			}
		}
	}

	private void receive(List<StoreTraffic> snapshot) {
		StoreTraffic receiver;
		synchronized (this) {
			receiver = snapshot.stream().filter(t -> t.receive && t.mayReceive()).findFirst().orElse(null);
		}
		if (receiver == null) {
			return;
		}
		for (TransportLink transport : transports()) {
			if (!usingTransport(transport.id(), true)) {
				continue;
			}
			try {
				for (InboundMessage message : outbound.poll(transport)) {
					synchronized (this) {
						if (!receiver.mayReceive()) {
							return;
						}
						receiver.inbound = true;
					}
					try {
						outbound.deliver(receiver.store, transport, message);
					} finally {
						synchronized (this) {
							receiver.inbound = false;
							notifyAll();
						}
					}
				}
			} catch (MapiException e) {
				log.warn("Spooler of session {}: inbound from {} failed, will retry: {}", session, transport.id(), e.getMessage());
			} finally {
				usingTransport(transport.id(), false);
			}
		}
	}

	/** Marks a transport in use (or no longer); false when it has gone in the meantime. */
	private synchronized boolean usingTransport(String id, boolean using) {
		if (!using) {
			transportsInUse.remove(id);
			notifyAll();
			return true;
		}
		if (transports.stream().noneMatch(t -> t.id().equals(id))) {
			return false;
		}
		transportsInUse.add(id);
		return true;
	}

	private void closeIfDone(StoreTraffic traffic) {
		synchronized (this) {
			if (!traffic.clientGone || !traffic.idle() || traffic.sendsQueueBeforeRelease() || stores.get(traffic.store.id()) != traffic) {
				return;
			}
			stores.remove(traffic.store.id());
			traffic.mode = StoreTraffic.Mode.CLOSED;
		}
		closer.execute(traffic.store.close());
	}

	private boolean awaitLocked(BooleanSupplier condition, long millis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (!condition.getAsBoolean()) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				return false;
			}
			try {
				wait(left);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}
}

package org.mapihost.runtime.spooler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.provider.InboundMessage;
import org.mapihost.api.provider.OutboundMessage;
import org.mapihost.api.provider.Undeliverable;
import org.mapihost.runtime.provider.ProviderCalls;
import org.osgi.service.log.Logger;

/**
 * The spooler's provider calls for one message: route its recipients to transports by address
 * type, hand it over, report what nobody takes, and only then move it to Sent Items — so a
 * crash at any point leaves it in the Outbox to be handed over again (transports recognise a
 * message they already took by its {@code Message-ID}). Stateless; called on the spooler thread.
 */
final class OutboundWork {
	private final ProviderCalls calls;
	private final Logger log;
	private final Supplier<List<TransportLink>> transports;
	private final Predicate<String> knownType;

	OutboundWork(ProviderCalls calls, Logger log, Supplier<List<TransportLink>> transports, Predicate<String> knownType) {
		this.calls = calls;
		this.log = log;
		this.transports = transports;
		this.knownType = knownType;
	}

	List<EntryId> queue(StoreLink store) {
		return calls.watched("IMsgStore::GetOutgoingQueue", store.provider(), store.id(),
				() -> ProviderCalls.gated(store.gate(), () -> store.store().outgoingQueue()));
	}

	/** Sends one message; {@code using} marks a transport in use (false when it is gone). */
	void send(StoreLink store, EntryId entryId, BiPredicate<String, Boolean> using) {
		OutboundMessage message = calls.watched("IMessage::GetOutgoingMessage", store.provider(), store.id(),
				() -> ProviderCalls.gated(store.gate(), () -> store.store().outgoingMessage(entryId)));
		List<Undeliverable> undeliverable = new ArrayList<>();
		for (Map.Entry<TransportLink, List<Recipient>> route : routes(message, undeliverable).entrySet()) {
			TransportLink transport = route.getKey();
			if (!using.test(transport.id(), true)) {
				throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, "transport " + transport.id() + " logged off");
			}
			try {
				List<Undeliverable> refused = calls.call("IXPLogon::SubmitMessage", transport.provider(), transport.id(),
						List.of(), () -> ProviderCalls.gated(transport.gate(), () -> transport.logon().submitMessage(message, route.getValue())));
				if (refused != null) {
					undeliverable.addAll(refused);
				}
			} finally {
				using.test(transport.id(), false);
			}
		}
		if (!undeliverable.isEmpty()) {
			report(store, message, undeliverable);
		}
		calls.call("IMsgStore::FinishedMsg", store.provider(), store.id(), List.of(), () -> {
			ProviderCalls.gated(store.gate(), () -> {
				store.store().finishedMessage(entryId);
				return null;
			});
			return null;
		});
	}

	private Map<TransportLink, List<Recipient>> routes(OutboundMessage message, List<Undeliverable> undeliverable) {
		List<TransportLink> available = transports.get();
		Map<TransportLink, List<Recipient>> routes = new LinkedHashMap<>();
		for (Recipient recipient : message.recipients()) {
			TransportLink transport = available.stream().filter(t -> t.handles(recipient)).findFirst().orElse(null);
			if (transport == null && knownType.test(recipient.addressType())) {
				// Its transport is gone for now (hot update, logoff): the message waits for it.
				throw new MapiException(ResultCode.MAPI_E_NETWORK_ERROR, "no transport for " + recipient.addressType() + " addresses is available now");
			} else if (transport == null) {
				undeliverable.add(new Undeliverable(recipient, "no transport of this session takes " + recipient.addressType() + " addresses"));
			} else {
				routes.computeIfAbsent(transport, t -> new ArrayList<>()).add(recipient);
			}
		}
		return routes;
	}

	private void report(StoreLink store, OutboundMessage message, List<Undeliverable> undeliverable) {
		NonDeliveryReport report = NonDeliveryReport.of(message, undeliverable);
		log.info("Message {} could not be delivered to {}; a report goes to {}", message.messageId(),
				undeliverable.stream().map(u -> u.recipient().searchKey()).toList(), store.id());
		calls.call("MAPI::NonDeliveryReport", store.provider(), store.id(), List.of(), () -> ProviderCalls.gated(store.gate(),
				() -> store.store().deliver(report.deliveryId(), report.content())));
	}

	List<InboundMessage> poll(TransportLink transport) {
		List<InboundMessage> messages = calls.watched("IXPLogon::Poll", transport.provider(), transport.id(),
				() -> ProviderCalls.gated(transport.gate(), () -> transport.logon().poll()));
		return messages == null ? List.of() : messages;
	}

	/** {@code IXPLogon::StartMessage}: saved in the receive folder first, then the transport forgets it. */
	void deliver(StoreLink store, TransportLink transport, InboundMessage message) {
		calls.call("IXPLogon::StartMessage", transport.provider(), transport.id(), List.of(), () -> {
			ProviderCalls.gated(store.gate(), () -> store.store().deliver(message.deliveryId(), message.content()));
			ProviderCalls.gated(transport.gate(), () -> {
				transport.logon().delivered(message);
				return null;
			});
			return null;
		});
	}
}

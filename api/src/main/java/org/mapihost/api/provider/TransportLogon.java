package org.mapihost.api.provider;

import java.util.List;

import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code IXPLogon}: one transport logon.
 *
 * @since 1.0
 */
@ConsumerType
public interface TransportLogon {
	/**
	 * {@code IXPLogon::AddressTypes}: called once, right after the logon.
	 *
	 * @return the address types this transport delivers to, such as {@code SMTP}; empty for
	 *         none
	 */
	List<String> addressTypes();

	/**
	 * {@code IXPLogon::TransportNotify}: enables or disables traffic.
	 *
	 * @param flags bits of {@link org.mapihost.api.NotifyFlag}
	 */
	void transportNotify(int flags);

	/**
	 * {@code IXPLogon::TransportLogoff}: stop work in progress and free the logon's
	 * resources; release the support object here or in {@link #release()}, once, last. Any
	 * outcome counts as logged off.
	 *
	 * @param flags bits of {@link org.mapihost.api.TransportLogoffFlag}
	 */
	void transportLogoff(int flags);

	/**
	 * {@code IXPLogon::Release}: the last call on this logon.
	 */
	void release();
	/**
	 * {@code IXPLogon::SubmitMessage} through {@code EndMessage}: sends the message to those of
	 * its recipients this transport's address types cover. Returning means the transport has
	 * taken responsibility for every recipient not listed in the result (the spooler may then
	 * move the message to Sent Items). A transport may be handed the same message again after
	 * a crash; it should recognise it by {@link OutboundMessage#messageId()}.
	 *
	 * @param message    the message
	 * @param recipients the recipients for this transport
	 * @return the recipients turned down for good, with why
	 * @throws org.mapihost.api.MapiException when nothing was accepted and a later attempt
	 *                                        may succeed ({@code MAPI_E_NETWORK_ERROR}, …)
	 */
	default List<Undeliverable> submitMessage(OutboundMessage message, List<Recipient> recipients) {
		throw new MapiException(ResultCode.MAPI_E_NO_SUPPORT, "this transport sends nothing");
	}

	/**
	 * {@code IXPLogon::Poll} and {@code StartMessage}: messages received and not yet delivered.
	 * Called while inbound traffic is enabled. A message stays pending until
	 * {@link #delivered(InboundMessage)}.
	 *
	 * @return the messages waiting
	 */
	default List<InboundMessage> poll() {
		return List.of();
	}

	/**
	 * The spooler saved the message in the receive folder; the transport may forget it.
	 *
	 * @param message a message from {@link #poll()}
	 */
	default void delivered(InboundMessage message) {
	}
}

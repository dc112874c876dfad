package org.mapihost.api.provider;

import java.util.Arrays;

/**
 * A message a transport received and the spooler is to deliver into the receive folder.
 *
 * @param deliveryId the transport's name for this delivery, stable across attempts: the
 *                   store keeps a message delivered twice under the same ID only once
 * @param content    the RFC 5322 message
 * @since 1.0
 */
public record InboundMessage(String deliveryId, byte[] content) {
	/**
	 * Copies the content.
	 *
	 * @param deliveryId the delivery ID; letters, digits, '.', '-' and '_' only
	 * @param content    the bytes
	 */
	public InboundMessage {
		if (deliveryId == null || !deliveryId.matches("[A-Za-z0-9._-]{1,200}")) {
			throw new IllegalArgumentException("bad delivery ID: " + deliveryId);
		}
		content = content.clone();
	}

	/**
	 * @return a copy of the RFC 5322 bytes
	 */
	@Override
	public byte[] content() {
		return content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof InboundMessage o && deliveryId.equals(o.deliveryId) && Arrays.equals(content, o.content);
	}

	@Override
	public int hashCode() {
		return deliveryId.hashCode();
	}

	@Override
	public String toString() {
		return "InboundMessage[" + deliveryId + ", " + content.length + " bytes]";
	}
}

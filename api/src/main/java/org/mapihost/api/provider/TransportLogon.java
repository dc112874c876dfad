package org.mapihost.api.provider;

import java.util.List;

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
}

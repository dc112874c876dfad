package org.mapihost.runtime.spooler;

import java.util.List;
import java.util.Locale;

import org.mapihost.api.Recipient;
import org.mapihost.api.provider.TransportLogon;
import org.mapihost.runtime.provider.CallGate;

/**
 * A transport logon with traffic enabled, as the spooler uses it.
 *
 * @param id           the logon's id, for the trace
 * @param provider     the provider's name
 * @param gate         the provider's call gate
 * @param logon        the provider's logon
 * @param addressTypes what {@code IXPLogon::AddressTypes} answered, upper case
 */
public record TransportLink(String id, String provider, CallGate gate, TransportLogon logon, List<String> addressTypes) {
	public TransportLink {
		addressTypes = addressTypes == null ? List.of() : addressTypes.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
	}

	boolean handles(Recipient recipient) {
		return addressTypes.contains(recipient.addressType());
	}
}

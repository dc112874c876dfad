package org.mapihost.itests.recording;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The recording providers' own view of the protocol: every call they receive from the runtime
 * and every call they make on their support objects, in the order they happened, and every
 * breach of the provider lifecycle they noticed (a call after Release or Shutdown, a Shutdown
 * while a logon is alive, a second Release, …).
 * <p>
 * Call names are MAPI's, as in the runtime's trace ({@code IMSProvider::Logon},
 * {@code IMAPISupport::StoreLogoffTransports}, …); the provider objects' own activation and
 * deactivation are {@code MSProviderInit} / {@code IMSProvider::Release} and so on.
 */
@ProviderType
public interface RecordingLog {
	/**
	 * One call.
	 *
	 * @param provider the provider's name
	 * @param object   the provider's own id of the object, such as {@code msp#2} or
	 *                 {@code ms#3/store}
	 * @param call     MAPI's name of the call
	 * @param detail   flags, result or error of the call, or the empty string
	 */
	record Call(String provider, String object, String call, String detail) {
	}

	/**
	 * @return every call since the last {@link #clear()}, in order
	 */
	List<Call> calls();

	/**
	 * @param call a call name
	 * @return the calls of that name, in order
	 */
	default List<Call> calls(String call) {
		return calls().stream().filter(c -> c.call().equals(call)).toList();
	}

	/**
	 * @return the lifecycle breaches the providers noticed since the last {@link #clear()},
	 *         as sentences
	 */
	List<String> problems();

	/**
	 * Forgets the calls and problems recorded so far.
	 */
	void clear();
}

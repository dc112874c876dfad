package org.mapihost.itests.faulty;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The test's hold on the faulty providers: what they were called with, and the hung calls.
 */
@ProviderType
public interface FaultControl {
	/**
	 * Lets every call hanging now go on; calls that hang later wait for the next release.
	 */
	void releaseHangs();

	/**
	 * Waits until a call of the method has begun to hang (since the last {@link #clear()}).
	 *
	 * @param method a method as fault settings name it, such as {@code logoff}
	 * @param millis how long to wait
	 * @return false when no such call began hanging in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitHang(String method, long millis) throws InterruptedException;

	/**
	 * @return how many calls hang at this moment
	 */
	int hanging();

	/**
	 * @param method a method as fault settings name it
	 * @return how many times a hanging call of it was interrupted
	 */
	int interrupts(String method);

	/**
	 * @return every method call the providers got since the last {@link #clear()}, in order, as
	 *         {@code PROVIDER-KIND method} (such as {@code STORE logoff}), with {@code " (late)"}
	 *         when it went on after hanging
	 */
	List<String> calls();

	/**
	 * Forgets the calls and interrupts recorded so far, and lets every hung call go.
	 */
	void clear();
}

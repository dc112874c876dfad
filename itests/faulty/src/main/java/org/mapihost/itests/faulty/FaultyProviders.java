package org.mapihost.itests.faulty;

import java.util.List;

/**
 * Names and the profile setting of the faulty providers.
 * <p>
 * Each provider reads its profile entry's {@link #FAULTS} setting: a comma-separated list of
 * {@code METHOD:FAULT}, for example {@code logoff:hang, shutdown:throw, storeLogoff:error:MAPI_E_BUSY}.
 * A method may have several faults. The faults:
 * <ul>
 * <li>{@code throw}: an unchecked exception, before the method does anything;</li>
 * <li>{@code error:CODE}: a {@code MapiException} with that result code, before the method does anything;</li>
 * <li>{@code hang} or {@code hang:MILLIS}: wait, ignoring interrupts, until {@link FaultControl#releaseHangs()}
 * (at most {@link #HANG_LIMIT_MILLIS}) or for MILLIS, then do the method's work;</li>
 * <li>{@code hang-interruptibly} or {@code hang-interruptibly:MILLIS}: the same, but an interrupt ends the wait;</li>
 * <li>{@code slt-twice}: (store: {@code storeLogoff}, {@code store.release}, {@code logoff}) call
 * {@code StoreLogoffTransports} a second time right after it completed;</li>
 * <li>{@code slt-never}: (store: {@code store.release}, {@code logoff}) shut the store down without it;</li>
 * <li>{@code support-release-twice}, {@code support-never-released}: (the method that releases the support
 * object: store {@code store.release} or {@code logoff}, address book {@code logoff}, transport
 * {@code transportLogoff}) release it twice, or not at all;</li>
 * <li>{@code support-after-shutdown}: ({@code shutdown}) call each logon's support object
 * ({@code ModifyStatusRow}) after Shutdown, from the provider object's Release.</li>
 * </ul>
 * An unknown method or fault fails the logon with {@code MAPI_E_UNCONFIGURED} and a sentence that
 * names it and lists what is known.
 */
public final class FaultyProviders {
	/** The faulty message-store provider's name. */
	public static final String STORE = "org.mapihost.itests.faulty.store";
	/** The faulty address-book provider's name. */
	public static final String AB = "org.mapihost.itests.faulty.ab";
	/** The faulty transport provider's name. */
	public static final String XP = "org.mapihost.itests.faulty.xp";
	/** The address type the faulty transport claims. */
	public static final String ADDRESS_TYPE = "FAULTY";

	/** Setting (stores and address books): the MAPIUID to register, 32 hex digits (default: a new one). */
	public static final String UID = "uid";

	/** Setting: the faults, {@code METHOD:FAULT[:ARGUMENT]}, comma-separated. */
	public static final String FAULTS = "faults";

	/** How long an unbounded {@code hang} lasts at most, so that a broken test cannot wedge a build. */
	public static final long HANG_LIMIT_MILLIS = 120_000;

	/** The store provider's methods, as fault settings name them. */
	public static final List<String> STORE_METHODS = List.of("logon", "shutdown", "logoff", "logon.release", "storeLogoff",
			"store.release", "openEntry", "folders");
	/** The address-book provider's methods, as fault settings name them. */
	public static final List<String> AB_METHODS = List.of("logon", "shutdown", "logoff", "logon.release", "openEntry",
			"resolveName");
	/** The transport provider's methods, as fault settings name them. */
	public static final List<String> XP_METHODS = List.of("transportLogon", "shutdown", "addressTypes", "transportNotify",
			"transportLogoff", "logon.release", "submitMessage", "poll");

	private FaultyProviders() {
	}
}

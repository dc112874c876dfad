package org.mapihost.itests.recording;

/**
 * Names and profile settings of the recording providers.
 * <p>
 * Every recording provider reads its profile entry's settings through
 * {@code ProviderSupport.openProfileSection()}:
 * <ul>
 * <li>{@link #FAULT}: how to misbehave, one of the {@code FAULT_*} values (default: behave);</li>
 * <li>{@link #UIDS}: (stores and address books) the MAPIUIDs to register, as 32 hex digits,
 * comma-separated, in order (default: one new UID);</li>
 * <li>{@link #DISPLAY}: the status row's display name (default: the entry name).</li>
 * </ul>
 */
public final class RecordingProviders {
	/** The recording message-store provider's name. */
	public static final String STORE = "org.mapihost.itests.store";
	/** The recording address-book provider's name. */
	public static final String AB = "org.mapihost.itests.ab";
	/** The recording transport provider's name. */
	public static final String XP = "org.mapihost.itests.xp";
	/** The recording providers' bundle symbolic name. */
	public static final String BUNDLE = "org.mapihost.itests.recording";

	/** Setting: the fault to commit. */
	public static final String FAULT = "fault";
	/** Setting: the MAPIUIDs to register. */
	public static final String UIDS = "uids";
	/** Setting: the status row's display name. */
	public static final String DISPLAY = "display";

	/** Fault (stores): call {@code StoreLogoffTransports} a second time right after it completed. */
	public static final String FAULT_SLT_TWICE = "slt-twice";
	/** Fault: release the logon's support object twice. */
	public static final String FAULT_SUPPORT_RELEASE_TWICE = "support-release-twice";
	/** Fault: never release the logon's support object. */
	public static final String FAULT_SUPPORT_NEVER_RELEASED = "support-never-released";
	/**
	 * Fault: call the logon's support object ({@code ModifyStatusRow}) after the provider object
	 * was shut down, from its release.
	 */
	public static final String FAULT_CALL_AFTER_SHUTDOWN = "call-after-shutdown";
	/** Fault: throw an unchecked exception from the provider's logon method. */
	public static final String FAULT_THROW_IN_LOGON = "throw-in-logon";
	/** Fault: throw an unchecked exception from the logon's logoff method (after doing its work). */
	public static final String FAULT_THROW_IN_LOGOFF = "throw-in-logoff";
	/** Fault: throw an unchecked exception from the provider object's shutdown. */
	public static final String FAULT_THROW_IN_SHUTDOWN = "throw-in-shutdown";

	/**
	 * The {@code PR_DISPLAY_NAME} property of every object a recording provider opens by entry
	 * ID: the name of the profile entry whose logon opened it.
	 */
	public static final String OPENED_BY = "PR_DISPLAY_NAME";

	private RecordingProviders() {
	}
}

package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.mapihost.itests.testkit.ConfigurationWaits;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.itests.recording.RecordingLog;
import org.mapihost.itests.testkit.ClientBundles;
import org.mapihost.itests.testkit.Trace;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.cm.ConfigurationExtension;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What every conformance test shares: the test bundle's own {@link Mapi} client, the trace, the
 * recording providers' log, profiles from ConfigurationAdmin ({@code @WithFactoryConfiguration}
 * of {@link #PROFILE_PID} on the test class), and the clean-up after each test — every client
 * uninitialized (which logs off the sessions a test left open) and no lifecycle breach seen by
 * the providers.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
@ExtendWith(ConfigurationExtension.class)
abstract class ConformanceTestSupport {
	/** How long a test waits for a service or a profile, in milliseconds. */
	static final long TIMEOUT = 10_000;
	/** The factory PID of profiles. */
	static final String PROFILE_PID = "org.mapihost.profile";
	/** What an Extended MAPI client passes to MAPILogonEx. */
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	/** What a client passes to OpenMsgStore. */
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = TIMEOUT)
	Mapi mapi;
	@InjectService(timeout = TIMEOUT)
	ProtocolTrace trace;
	@InjectService(timeout = TIMEOUT)
	RecordingLog providers;
	@InjectService(timeout = TIMEOUT)
	ConfigurationAdmin configurationAdmin;

	final ClientBundles clients = new ClientBundles(FrameworkUtil.getBundle(ConformanceTestSupport.class).getBundleContext());

	@BeforeEach
	void forgetEarlierCalls() {
		providers.clear();
	}

	@AfterEach
	void uninitializeEveryClient() throws Exception {
		clients.close();
		while (mapi.initializeCount() > 0) {
			mapi.uninitialize();
		}
		assertEquals(List.of(), providers.problems(), "lifecycle breaches the recording providers saw");
	}

	/**
	 * MAPILogonEx for the test bundle's client, once the runtime knows the profile.
	 */
	MapiSession logon(String profile) {
		awaitProfile(profile);
		return mapi.logon(profile, LOGON_FLAGS);
	}

	/**
	 * Waits until the runtime has taken up the profile's configuration, which happens
	 * asynchronously: SCR registers the profile component's service (with the configuration's
	 * properties) and binds it into the runtime while ConfigurationAdmin delivers the
	 * configuration's event ({@link ConfigurationWaits#awaitProfile} waits for both).
	 */
	void awaitProfile(String profile) {
		ConfigurationWaits.awaitProfile(context, configurationAdmin, profile, TIMEOUT);
	}

	/** The last step of the trace so far. */
	long mark() {
		return trace.lastSeq();
	}

	/** The steps after a {@link #mark()}. */
	Trace since(long mark) {
		return new Trace(trace.since(mark));
	}

	/** Asserts that the call fails with the MAPI result code. */
	static MapiException assertFails(ResultCode code, Executable call) {
		MapiException e = assertThrows(MapiException.class, call);
		assertEquals(code, e.code(), () -> "result of the call, with message: " + e.getMessage());
		return e;
	}
}

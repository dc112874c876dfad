package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.recording.RecordingLog.Call;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * {@code IMsgStore::StoreLogoff}: each input flag reaches {@code StoreLogoffTransports} once and,
 * with no traffic yet, completes; the final release does not call it again; a rejected call
 * changes nothing.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "flags", properties = {
		@Property(key = "name", value = "flags"),
		@Property(key = "entries", value = "xp, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "store.provider", value = STORE) })
class StoreLogoffFlagsIT extends ConformanceTestSupport {
	private static final String SLT = "IMAPISupport::StoreLogoffTransports";

	@ParameterizedTest
	@EnumSource(value = StoreLogoffFlag.class, names = { "LOGOFF_NO_WAIT", "LOGOFF_ORDERLY", "LOGOFF_PURGE",
			"LOGOFF_ABORT", "LOGOFF_QUIET" })
	void eachInputFlagReachesStoreLogoffTransportsOnce(StoreLogoffFlag flag) {
		mapi.initialize(0);
		MapiSession session = logon("flags");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);

		long start = mark();
		assertEquals(StoreLogoffFlag.LOGOFF_COMPLETE.value(), store.storeLogoff(flag.value()),
				"out-flags with no traffic: LOGOFF_COMPLETE only");
		Trace logoff = since(start);
		TraceEvent slt = logoff.only(SLT);
		assertEquals(List.of(flag.name()), slt.flags());
		assertEquals("S_OK", slt.result());
		assertEquals("out LOGOFF_COMPLETE", slt.detail(), "the step carries StoreLogoffTransports' out-flags");
		TraceEvent parent = logoff.parentOf(slt);
		assertNotNull(parent, () -> "StoreLogoffTransports is nested in the store's StoreLogoff:\n" + logoff);
		assertEquals("IMsgStore::StoreLogoff", parent.call());
		assertEquals(List.of(flag.name()), parent.flags());
		assertEquals(List.of(flag.name() + " -> LOGOFF_COMPLETE"), details(providers.calls(SLT)),
				"the provider's view of StoreLogoffTransports");

		long release = mark();
		assertEquals(0, store.release());
		Trace shutdown = since(release);
		assertEquals(0, shutdown.count(SLT), () -> "no second StoreLogoffTransports at the final release:\n" + shutdown);
		shutdown.only("IMSLogon::Release");
		assertEquals(1, providers.calls(SLT).size());
		session.logoff(0);
		session.release();
	}

	@Test
	void rejectedFlagsChangeNothing() {
		mapi.initialize(0);
		MapiSession session = logon("flags");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);

		long start = mark();
		int orderlyAndAbort = StoreLogoffFlag.LOGOFF_ORDERLY.value() | StoreLogoffFlag.LOGOFF_ABORT.value();
		assertFails(ResultCode.MAPI_E_INVALID_PARAMETER, () -> store.storeLogoff(orderlyAndAbort));
		assertFails(ResultCode.MAPI_E_INVALID_PARAMETER, () -> store.storeLogoff(0));
		assertFails(ResultCode.MAPI_E_UNKNOWN_FLAGS, () -> store.storeLogoff(0x100));
		assertFails(ResultCode.MAPI_E_UNKNOWN_FLAGS, () -> store.storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value() | 0x40000000));
		assertFails(ResultCode.MAPI_E_UNKNOWN_FLAGS, () -> store.storeLogoff(StoreLogoffFlag.LOGOFF_COMPLETE.value()));

		Trace rejected = since(start);
		assertEquals(0, rejected.count(SLT), () -> "a rejected StoreLogoff reaches no provider:\n" + rejected);
		assertEquals(List.of(), providers.calls(SLT));
		assertEquals(List.of(), providers.calls("IMsgStore::StoreLogoff"));
		assertTrue(store.isValid());
		assertEquals(2, store.addRef(), "the store is still usable");
		assertEquals(1, store.release());

		long release = mark();
		assertEquals(0, store.release());
		TraceEvent slt = since(release).only(SLT);
		assertEquals(List.of(StoreLogoffFlag.LOGOFF_ABORT.name()), slt.flags(),
				"no flag of a rejected call was kept: the release takes the abort path");
		session.logoff(0);
		session.release();
	}

	private static List<String> details(List<Call> calls) {
		return calls.stream().map(Call::detail).toList();
	}
}

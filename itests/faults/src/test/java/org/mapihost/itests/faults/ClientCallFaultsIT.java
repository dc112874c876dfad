package org.mapihost.itests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;

/**
 * Faults in the calls a client's request makes (logons, StoreLogoff, OpenEntry, tables, name
 * resolution) and in the start-up steps a session makes for itself (AddressTypes,
 * TransportNotify). A hung call ends in the trace with {@code MAPI_E_TIMEOUT} and a
 * {@code Violation} within the timeout while the client's thread may still be in the provider;
 * the client then gets {@code MAPI_E_TIMEOUT}. A throw is a {@code Violation} and
 * {@code MAPI_E_CALL_FAILED} (logons: {@code MAPI_E_LOGON_FAILED}); an error code is the
 * provider's answer, passed to the client, and no violation. Start-up steps fail quietly for the
 * client. Afterwards the session logs off cleanly, nothing leaks, and another session works.
 */
class ClientCallFaultsIT extends FaultsTestSupport {
	enum Call {
		TRANSPORT_LOGON("xp", "transportLogon", "IXPProvider::TransportLogon", true, false),
		ADDRESS_TYPES("xp", "addressTypes", "IXPLogon::AddressTypes", false, true),
		NOTIFY_BEGIN("xp", "transportNotify", "IXPLogon::TransportNotify", false, true),
		STORE_LOGON("store", "logon", "IMSProvider::Logon", true, false),
		ADDRESS_BOOK_LOGON("ab", "logon", "IABProvider::Logon", true, false),
		STORE_LOGOFF("store", "storeLogoff", "IMsgStore::StoreLogoff", false, false),
		STORE_OPEN_ENTRY("store", "openEntry", "IMsgStore::OpenEntry", false, false),
		FOLDERS("store", "folders", "IMsgStore::GetHierarchyTable", false, false),
		ADDRESS_BOOK_OPEN_ENTRY("ab", "openEntry", "IMAPISession::OpenEntry", false, false),
		RESOLVE_NAME("ab", "resolveName", "IABContainer::ResolveNames", false, false);

		final String entry;
		final String method;
		final String traced;
		final boolean logon;
		final boolean quiet;

		Call(String entry, String method, String traced, boolean logon, boolean quiet) {
			this.entry = entry;
			this.method = method;
			this.traced = traced;
			this.logon = logon;
			this.quiet = quiet;
		}

		Predicate<TraceEvent> step() {
			return e -> e.call().equals(traced) && (this != NOTIFY_BEGIN || e.flags().contains("NOTIFY_BEGIN_INBOUND"));
		}
	}

	static Stream<Arguments> calls() {
		return Stream.of(Call.values())
				.flatMap(call -> Stream.of("hang", "hang-interruptibly", "throw", "error:MAPI_E_NETWORK_ERROR").map(f -> Arguments.of(call, f)));
	}

	/** What the test holds; filled on the thread that makes the call. */
	private static final class Held {
		final AtomicReference<MapiSession> session = new AtomicReference<>();
		final AtomicReference<MsgStore> store = new AtomicReference<>();
		final AtomicReference<AddressBook> addressBook = new AtomicReference<>();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("calls")
	void aFaultyCallFailsBoundedAndTheSessionGoesOn(Call call, String fault) throws Exception {
		String profile = faultyProfile(call.entry, call.method + ":" + fault);
		Held held = new Held();
		boolean sessionLogonFaulty = call == Call.TRANSPORT_LOGON || call == Call.ADDRESS_TYPES;
		if (!sessionLogonFaulty) {
			held.session.set(logon(profile));
			if (call != Call.STORE_LOGON && call != Call.NOTIFY_BEGIN) {
				held.store.set(held.session.get().openMsgStore("store", STORE_FLAGS));
			}
			if (call == Call.RESOLVE_NAME || call == Call.ADDRESS_BOOK_OPEN_ENTRY) {
				held.addressBook.set(held.session.get().openAddressBook(0));
			}
		}
		long mark = mark();
		Future<Object> caller = inBackground(() -> make(call, profile, held));

		boolean hang = fault.startsWith("hang");
		if (hang) {
			assertTrue(faults.awaitHang(call.method, TIMEOUT), "the provider hangs in " + call.method);
			watch.await(mark, call.traced + " ended by the watchdog", TIMEOUT,
					call.step().and(e -> e.result().equals(ResultCode.MAPI_E_TIMEOUT.name())));
			assertWellSessionWorks();
			if (fault.equals("hang")) {
				assertFalse(caller.isDone(), "the client's thread is still in the provider");
				faults.releaseHangs();
			}
		}
		ResultCode got = outcome(caller);
		ResultCode expected = call.quiet ? ResultCode.S_OK
				: hang ? ResultCode.MAPI_E_TIMEOUT
						: fault.equals("throw") ? (call.logon ? ResultCode.MAPI_E_LOGON_FAILED : ResultCode.MAPI_E_CALL_FAILED)
								: ResultCode.MAPI_E_NETWORK_ERROR;
		assertEquals(expected, got, "what the client got");

		Trace slice = watch.awaitSlice(mark, call.traced, TIMEOUT, t -> !t.all(call.step()).isEmpty());
		TraceEvent step = slice.all(call.step()).get(0);
		assertEquals((hang ? ResultCode.MAPI_E_TIMEOUT : fault.equals("throw") ? ResultCode.MAPI_E_CALL_FAILED
				: ResultCode.MAPI_E_NETWORK_ERROR).name(), step.result(), step::toJson);
		List<TraceEvent> violations = slice.all(e -> e.call().equals(TraceEvent.VIOLATION) && e.detail().startsWith(call.traced + " "));
		assertEquals(fault.startsWith("error") ? 0 : 1, violations.size(), () -> "violations about " + call.traced + ":\n" + slice);
		if (hang) {
			assertTrue(faults.interrupts(call.method) > 0, "the hung thread was interrupted");
		}

		MapiSession session = held.session.get();
		if (session != null) {
			assertTrue(session.isValid(), "the session goes on");
			long beforeLogoff = mark();
			Future<Object> logoff = inBackground(() -> {
				release(held);
				session.logoff(0);
				return session.release();
			});
			Trace logoffSlice = awaitLogoff(beforeLogoff, session);
			assertEquals(ResultCode.S_OK.name(), logoffSlice.only("IMAPISession::Logoff").result());
			faults.releaseHangs();
			assertEquals(0, logoff.get(TIMEOUT, TimeUnit.MILLISECONDS));
			assertNoLeaks(session);
		}
		assertWellSessionWorks();
	}

	private Object make(Call call, String profile, Held held) {
		MapiSession session = held.session.get();
		switch (call) {
		case TRANSPORT_LOGON, ADDRESS_TYPES -> held.session.set(logon(profile));
		case STORE_LOGON, NOTIFY_BEGIN -> held.store.set(session.openMsgStore("store", STORE_FLAGS));
		case ADDRESS_BOOK_LOGON -> held.addressBook.set(session.openAddressBook(0));
		case STORE_LOGOFF -> held.store.get().storeLogoff(StoreLogoffFlag.LOGOFF_NO_WAIT.value());
		case STORE_OPEN_ENTRY -> held.store.get().openEntry(EntryId.of(STORE_UID, new byte[] { 1 }), 0).release();
		case FOLDERS -> held.store.get().folders();
		case ADDRESS_BOOK_OPEN_ENTRY -> session.openEntry(EntryId.of(AB_UID, new byte[] { 1 }), 0).release();
		case RESOLVE_NAME -> held.addressBook.get().resolveName("bob");
		}
		return null;
	}

	private static void release(Held held) {
		if (held.store.get() != null) {
			held.store.get().release();
		}
		if (held.addressBook.get() != null) {
			held.addressBook.get().release();
		}
	}

	private static ResultCode outcome(Future<Object> caller) throws Exception {
		try {
			caller.get(TIMEOUT, TimeUnit.MILLISECONDS);
			return ResultCode.S_OK;
		} catch (ExecutionException e) {
			if (e.getCause() instanceof MapiException mapi) {
				return mapi.code();
			}
			throw e;
		}
	}
}

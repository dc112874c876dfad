package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Every flag family against the values in MAPI-REFERENCE.md (from MAPIDefS.h, MAPIX.h,
 * MAPISPI.h): each family has exactly these names with exactly these values.
 */
class FlagValuesTest {

	private static <F extends Enum<F> & MapiFlag> void assertFamily(Class<F> family, Object... nameValue) {
		Map<String, Integer> expected = new TreeMap<>();
		for (int i = 0; i < nameValue.length; i += 2) {
			expected.put((String) nameValue[i], (Integer) nameValue[i + 1]);
		}
		Map<String, Integer> actual = new TreeMap<>();
		for (F flag : family.getEnumConstants()) {
			actual.put(flag.name(), flag.value());
		}
		assertEquals(hex(expected), hex(actual), family.getSimpleName());
	}

	private static Map<String, String> hex(Map<String, Integer> values) {
		Map<String, String> hex = new LinkedHashMap<>();
		values.forEach((name, value) -> hex.put(name, String.format("0x%08X", value)));
		return hex;
	}

	@Test
	void storeLogoffFlags() {
		assertFamily(StoreLogoffFlag.class,
				"LOGOFF_NO_WAIT", 0x00000001,
				"LOGOFF_ORDERLY", 0x00000002,
				"LOGOFF_PURGE", 0x00000004,
				"LOGOFF_ABORT", 0x00000008,
				"LOGOFF_QUIET", 0x00000010,
				"LOGOFF_COMPLETE", 0x00010000,
				"LOGOFF_INBOUND", 0x00020000,
				"LOGOFF_OUTBOUND", 0x00040000,
				"LOGOFF_OUTBOUND_QUEUE", 0x00080000);
	}

	@Test
	void logonFlags() {
		assertFamily(LogonFlag.class,
				"MAPI_LOGON_UI", 0x1,
				"MAPI_NEW_SESSION", 0x2,
				"MAPI_APP_PROFILE", 0x4,
				"MAPI_ALLOW_OTHERS", 0x8,
				"MAPI_EXPLICIT_PROFILE", 0x10,
				"MAPI_EXTENDED", 0x20,
				"MAPI_USE_DEFAULT", 0x40,
				"MAPI_FORCE_DOWNLOAD", 0x1000,
				"MAPI_SERVICE_UI_ALWAYS", 0x2000,
				"MAPI_NO_MAIL", 0x8000,
				"MAPI_NT_SERVICE", 0x10000,
				"MAPI_PASSWORD_UI", 0x20000,
				"MAPI_TIMEOUT_SHORT", 0x100000,
				"MAPI_BG_SESSION", 0x200000,
				"MAPI_UNICODE", 0x80000000);
	}

	@Test
	void initFlags() {
		assertFamily(InitFlag.class,
				"MAPI_MULTITHREAD_NOTIFICATIONS", 0x00000001,
				"MAPI_NO_COINIT", 0x00000008,
				"MAPI_NT_SERVICE", 0x00010000);
	}

	@Test
	void mdbFlags() {
		assertFamily(MdbFlag.class,
				"MDB_NO_DIALOG", 0x1,
				"MDB_WRITE", 0x4,
				"MAPI_DEFERRED_ERRORS", 0x8,
				"MAPI_BEST_ACCESS", 0x10,
				"MDB_TEMPORARY", 0x20,
				"MDB_NO_MAIL", 0x80,
				"MAPI_UNICODE", 0x80000000);
	}

	@Test
	void transportLogonFlags() {
		assertFamily(TransportLogonFlag.class,
				"LOGON_NO_DIALOG", 0x1,
				"LOGON_NO_CONNECT", 0x4,
				"LOGON_NO_INBOUND", 0x8,
				"LOGON_NO_OUTBOUND", 0x10,
				"MAPI_UNICODE", 0x80000000,
				"LOGON_SP_IDLE", 0x10000,
				"LOGON_SP_POLL", 0x20000,
				"LOGON_SP_RESOLVE", 0x40000);
	}

	@Test
	void notifyFlags() {
		assertFamily(NotifyFlag.class,
				"NOTIFY_BEGIN_INBOUND", 0x1,
				"NOTIFY_BEGIN_OUTBOUND", 0x2,
				"NOTIFY_BEGIN_INBOUND_FLUSH", 0x4,
				"NOTIFY_BEGIN_OUTBOUND_FLUSH", 0x8,
				"NOTIFY_END_INBOUND", 0x10000,
				"NOTIFY_END_OUTBOUND", 0x20000,
				"NOTIFY_END_INBOUND_FLUSH", 0x40000,
				"NOTIFY_END_OUTBOUND_FLUSH", 0x80000,
				"NOTIFY_ABORT_DEFERRED", 0x40000000,
				"NOTIFY_CANCEL_MESSAGE", 0x80000000);
	}

	@Test
	void statusCodes() {
		assertFamily(StatusCode.class,
				"STATUS_AVAILABLE", 0x1,
				"STATUS_OFFLINE", 0x2,
				"STATUS_FAILURE", 0x4,
				"STATUS_INBOUND_ENABLED", 0x10000,
				"STATUS_INBOUND_ACTIVE", 0x20000,
				"STATUS_INBOUND_FLUSH", 0x40000,
				"STATUS_OUTBOUND_ENABLED", 0x100000,
				"STATUS_OUTBOUND_ACTIVE", 0x200000,
				"STATUS_OUTBOUND_FLUSH", 0x400000,
				"STATUS_REMOTE_ACCESS", 0x800000);
	}

	@Test
	void statusRowFlags() {
		assertFamily(StatusRowFlag.class, "STATUSROW_UPDATE", 0x10000000);
	}

	@Test
	void deinitFlags() {
		assertFamily(DeinitFlag.class, "DEINIT_NORMAL", 0x1, "DEINIT_HURRY", 0x80000000);
	}

	@Test
	void transportLogoffFlags() {
		assertFamily(TransportLogoffFlag.class, "LOGOFF_NORMAL", 0x1, "LOGOFF_HURRY", 0x80000000);
	}

	@Test
	void sessionLogoffFlags() {
		assertFamily(SessionLogoffFlag.class, "MAPI_LOGOFF_SHARED", 0x1, "MAPI_LOGOFF_UI", 0x2);
	}

	@Test
	void openEntryFlags() {
		assertFamily(OpenEntryFlag.class, "MAPI_MODIFY", 0x1, "MAPI_DEFERRED_ERRORS", 0x8, "MAPI_BEST_ACCESS", 0x10);
	}

	@Test
	void abLogonFlags() {
		assertFamily(AbLogonFlag.class, "AB_NO_DIALOG", 0x1, "MAPI_DEFERRED_ERRORS", 0x8, "MAPI_UNICODE", 0x80000000);
	}

	@Test
	void everyFlagIsOneBitAndNoFamilyUsesABitTwice() {
		List<Class<? extends MapiFlag>> families = List.of(StoreLogoffFlag.class, LogonFlag.class, InitFlag.class,
				MdbFlag.class, TransportLogonFlag.class, NotifyFlag.class, StatusCode.class, StatusRowFlag.class,
				DeinitFlag.class, TransportLogoffFlag.class, SessionLogoffFlag.class, OpenEntryFlag.class,
				AbLogonFlag.class);
		for (Class<? extends MapiFlag> family : families) {
			int seen = 0;
			for (MapiFlag flag : family.getEnumConstants()) {
				assertEquals(1, Integer.bitCount(flag.value()), family.getSimpleName() + "." + flag.name());
				assertTrue((seen & flag.value()) == 0, family.getSimpleName() + "." + flag.name() + " reuses a bit");
				seen |= flag.value();
			}
		}
	}

	@Test
	void providerKindResourceTypes() {
		assertEquals(33, ProviderKind.STORE.resourceType());
		assertEquals(35, ProviderKind.ADDRESS_BOOK.resourceType());
		assertEquals(36, ProviderKind.TRANSPORT.resourceType());
		assertEquals(34, ProviderKind.MAPI_AB);
		assertEquals(37, ProviderKind.MAPI_SPOOLER);
		assertEquals(39, ProviderKind.MAPI_SUBSYSTEM);
	}
}

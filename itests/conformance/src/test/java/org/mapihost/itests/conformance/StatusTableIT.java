package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.AB;
import static org.mapihost.itests.recording.RecordingProviders.STORE;
import static org.mapihost.itests.recording.RecordingProviders.XP;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mapihost.api.AddressBook;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.itests.recording.RecordingProviders;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * The session's status table: a provider's row appears at its logon, with the columns MAPI
 * computes filled in by the runtime, and disappears when the logon is shut down.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "status", properties = {
		@Property(key = "name", value = "status"),
		@Property(key = "entries", value = "xp, ab, store"),
		@Property(key = "xp.provider", value = XP),
		@Property(key = "xp.display", value = "Transport row"),
		@Property(key = "ab.provider", value = AB),
		@Property(key = "ab.display", value = "Address book row"),
		@Property(key = "store.provider", value = STORE),
		@Property(key = "store.display", value = "Store row") })
class StatusTableIT extends ConformanceTestSupport {
	private static final List<StatusColumn> COMPUTED = List.of(StatusColumn.PR_RESOURCE_TYPE, StatusColumn.PR_RESOURCE_FLAGS,
			StatusColumn.PR_PROVIDER_DLL_NAME, StatusColumn.PR_ENTRYID, StatusColumn.PR_INSTANCE_KEY,
			StatusColumn.PR_OBJECT_TYPE, StatusColumn.PR_ROWID);

	@Test
	void rowsAppearAtLogonAndDisappearAtShutdown() {
		mapi.initialize(0);
		MapiSession session = logon("status");
		assertEquals(List.of("Transport row"), displayNames(session), "transports log on with the session");

		AddressBook addressBook = session.openAddressBook(0);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		List<StatusRow> rows = session.statusTable();
		assertEquals(List.of("Transport row", "Address book row", "Store row"), displayNames(session));
		assertRow(rows.get(0), ProviderKind.TRANSPORT);
		assertRow(rows.get(1), ProviderKind.ADDRESS_BOOK);
		assertRow(rows.get(2), ProviderKind.STORE);
		assertDistinct(rows, StatusColumn.PR_ROWID);
		assertDistinct(rows, StatusColumn.PR_INSTANCE_KEY);

		assertEquals(0, store.release());
		assertEquals(List.of("Transport row", "Address book row"), displayNames(session), "the store's row goes with the store");

		long logoff = mark();
		session.logoff(0);
		assertEquals(2, since(logoff).count("MAPI::RemoveStatusRow"), "the transport's and the address book's rows go at logoff");
		addressBook.release();
		session.release();
	}

	private static void assertRow(StatusRow row, ProviderKind kind) {
		for (StatusColumn column : COMPUTED) {
			assertTrue(row.get(column).isPresent(), () -> column + " is filled in by the runtime: " + row);
		}
		assertEquals(kind.resourceType(), row.integer(StatusColumn.PR_RESOURCE_TYPE), () -> "PR_RESOURCE_TYPE of " + row);
		assertEquals(StatusColumn.MAPI_STATUS, row.integer(StatusColumn.PR_OBJECT_TYPE), () -> "PR_OBJECT_TYPE of " + row);
		assertEquals(RecordingProviders.BUNDLE, row.string(StatusColumn.PR_PROVIDER_DLL_NAME), () -> "PR_PROVIDER_DLL_NAME of " + row);
		assertEquals(StatusCode.STATUS_AVAILABLE.value(), row.integer(StatusColumn.PR_STATUS_CODE), () -> "the provider's own column: " + row);
		assertEquals("Available", row.string(StatusColumn.PR_STATUS_STRING));
	}

	private static void assertDistinct(List<StatusRow> rows, StatusColumn column) {
		Set<Object> values = new HashSet<>();
		for (StatusRow row : rows) {
			Object value = row.get(column).orElseThrow();
			assertTrue(values.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value),
					() -> column + " is unique per row: " + rows);
		}
	}

	private static List<String> displayNames(MapiSession session) {
		return session.statusTable().stream().map(row -> row.string(StatusColumn.PR_DISPLAY_NAME)).toList();
	}
}

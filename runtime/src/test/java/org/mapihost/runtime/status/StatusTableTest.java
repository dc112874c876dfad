package org.mapihost.runtime.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.api.StatusColumn.PR_DISPLAY_NAME;
import static org.mapihost.api.StatusColumn.PR_ENTRYID;
import static org.mapihost.api.StatusColumn.PR_INSTANCE_KEY;
import static org.mapihost.api.StatusColumn.PR_OBJECT_TYPE;
import static org.mapihost.api.StatusColumn.PR_PROVIDER_DISPLAY;
import static org.mapihost.api.StatusColumn.PR_PROVIDER_DLL_NAME;
import static org.mapihost.api.StatusColumn.PR_RESOURCE_FLAGS;
import static org.mapihost.api.StatusColumn.PR_RESOURCE_TYPE;
import static org.mapihost.api.StatusColumn.PR_ROWID;
import static org.mapihost.api.StatusColumn.PR_STATUS_CODE;
import static org.mapihost.api.StatusColumn.PR_STATUS_STRING;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;

class StatusTableTest {
	private static final String STORE_BUNDLE = "org.mapihost.sample.memstore";

	private final StatusTable table = new StatusTable();

	private static StatusRow available(String name) {
		return StatusRow.builder().set(PR_DISPLAY_NAME, name).set(PR_PROVIDER_DISPLAY, "Sample store")
				.set(PR_STATUS_CODE, 0x1).set(PR_STATUS_STRING, "Available").build();
	}

	private StatusRow only() {
		List<StatusRow> rows = table.rows();
		assertEquals(1, rows.size(), "rows: " + rows);
		return rows.get(0);
	}

	@Test
	void modifyAddsOneRowWithTheProvidersAndMapisColumns() {
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("Personal Folders"), false);
		StatusRow row = only();
		assertEquals("Personal Folders", row.string(PR_DISPLAY_NAME));
		assertEquals("Sample store", row.string(PR_PROVIDER_DISPLAY));
		assertEquals(0x1, row.integer(PR_STATUS_CODE));
		assertEquals("Available", row.string(PR_STATUS_STRING));
		assertEquals(33, row.integer(PR_RESOURCE_TYPE));
		assertEquals(0x0A, row.integer(PR_OBJECT_TYPE));
		assertEquals(1, row.integer(PR_ROWID));
		assertEquals(STORE_BUNDLE, row.string(PR_PROVIDER_DLL_NAME));
		assertEquals(0, row.integer(PR_RESOURCE_FLAGS));
		assertTrue(row.get(PR_INSTANCE_KEY).isPresent());
		assertTrue(row.get(PR_ENTRYID).isPresent());
		assertTrue(table.contains("msl1"));
	}

	@Test
	void resourceTypeFollowsTheProviderKind() {
		table.modify("abl1", ProviderKind.ADDRESS_BOOK, "ab", available("Contacts"), false);
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", available("Peer"), false);
		assertEquals(List.of(35, 36), table.rows().stream().map(r -> r.integer(PR_RESOURCE_TYPE)).toList());
	}

	@Test
	void modifyAcceptsARowWithNoProviderColumns() {
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, StatusRow.builder().build(), false);
		assertEquals(33, only().integer(PR_RESOURCE_TYPE));
	}

	@Test
	void providerValuesForMapiComputedColumnsAreIgnored() {
		StatusRow forged = available("Personal Folders").toBuilder().set(PR_RESOURCE_TYPE, 99).set(PR_OBJECT_TYPE, 5)
				.set(PR_ROWID, 77).set(PR_PROVIDER_DLL_NAME, "evil.dll").set(PR_RESOURCE_FLAGS, 0x2)
				.set(PR_ENTRYID, new byte[] { 6, 6 }).set(PR_INSTANCE_KEY, new byte[] { 6, 6 }).build();
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, forged, false);
		StatusRow row = only();
		assertEquals(33, row.integer(PR_RESOURCE_TYPE));
		assertEquals(StatusColumn.MAPI_STATUS, row.integer(PR_OBJECT_TYPE));
		assertEquals(1, row.integer(PR_ROWID));
		assertEquals(STORE_BUNDLE, row.string(PR_PROVIDER_DLL_NAME));
		assertEquals(0, row.integer(PR_RESOURCE_FLAGS));
		assertFalse(java.util.Arrays.equals(new byte[] { 6, 6 }, (byte[]) row.get(PR_ENTRYID).orElseThrow()));
		assertFalse(java.util.Arrays.equals(new byte[] { 6, 6 }, (byte[]) row.get(PR_INSTANCE_KEY).orElseThrow()));
		assertEquals("Personal Folders", row.string(PR_DISPLAY_NAME));
	}

	@Test
	void statusRowUpdateMergesOnlyTheGivenColumns() {
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", available("Peer"), false);
		StatusRow update = StatusRow.builder().set(PR_STATUS_CODE, 0x4).set(PR_STATUS_STRING, "Failed").build();
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", update, true);
		StatusRow row = only();
		assertEquals(0x4, row.integer(PR_STATUS_CODE));
		assertEquals("Failed", row.string(PR_STATUS_STRING));
		assertEquals("Peer", row.string(PR_DISPLAY_NAME), "columns not in the update stay");
		assertEquals("Sample store", row.string(PR_PROVIDER_DISPLAY));
		assertEquals(36, row.integer(PR_RESOURCE_TYPE));
	}

	@Test
	void modifyWithoutUpdateReplacesTheRow() {
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", available("Peer"), false);
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", StatusRow.builder().set(PR_STATUS_CODE, 0x2).build(), false);
		StatusRow row = only();
		assertEquals(0x2, row.integer(PR_STATUS_CODE));
		assertEquals("", row.string(PR_DISPLAY_NAME), "a replace drops the old provider columns");
		assertEquals(36, row.integer(PR_RESOURCE_TYPE), "MAPI's columns are filled again");
		assertEquals(1, row.integer(PR_ROWID));
	}

	@Test
	void updateWithoutARowCreatesIt() {
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", available("Peer"), true);
		assertEquals("Peer", only().string(PR_DISPLAY_NAME));
		assertEquals(1, only().integer(PR_ROWID));
	}

	@Test
	void rowIdIsStableAcrossUpdatesAndUniquePerLogon() {
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", available("Peer"), false);
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("Personal Folders"), false);
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", StatusRow.builder().set(PR_STATUS_CODE, 0x4).build(), true);
		table.modify("xpl1", ProviderKind.TRANSPORT, "xp", available("Peer"), false);
		List<StatusRow> rows = table.rows();
		assertEquals(List.of("Peer", "Personal Folders"), rows.stream().map(r -> r.string(PR_DISPLAY_NAME)).toList(),
				"rows stay in the order they were added");
		assertEquals(List.of(1, 2), rows.stream().map(r -> r.integer(PR_ROWID)).toList());
	}

	@Test
	void aRemovedRowsIdIsNotReused() {
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("A"), false);
		table.modify("msl2", ProviderKind.STORE, STORE_BUNDLE, available("B"), false);
		assertTrue(table.remove("msl1"));
		table.modify("msl3", ProviderKind.STORE, STORE_BUNDLE, available("C"), false);
		Set<Integer> ids = table.rows().stream().map(r -> r.integer(PR_ROWID)).collect(Collectors.toSet());
		assertEquals(Set.of(2, 3), ids);
	}

	@Test
	void instanceKeysDifferPerRow() {
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("A"), false);
		table.modify("abl1", ProviderKind.ADDRESS_BOOK, "ab", available("B"), false);
		List<StatusRow> rows = table.rows();
		byte[] first = (byte[]) rows.get(0).get(PR_INSTANCE_KEY).orElseThrow();
		byte[] second = (byte[]) rows.get(1).get(PR_INSTANCE_KEY).orElseThrow();
		assertNotEquals(java.util.HexFormat.of().formatHex(first), java.util.HexFormat.of().formatHex(second));
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("A2"), true);
		assertArrayEquals(first, (byte[]) table.rows().get(0).get(PR_INSTANCE_KEY).orElseThrow(), "stable across updates");
	}

	@Test
	void removeTakesOnlyThatLogonsRow() {
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("A"), false);
		table.modify("abl1", ProviderKind.ADDRESS_BOOK, "ab", available("B"), false);
		assertTrue(table.remove("msl1"));
		assertFalse(table.contains("msl1"));
		assertTrue(table.contains("abl1"));
		assertEquals("B", only().string(PR_DISPLAY_NAME));
		assertFalse(table.remove("msl1"), "a second remove finds nothing");
		assertFalse(table.remove("never"));
	}

	@Test
	void rowsIsASnapshot() {
		table.modify("msl1", ProviderKind.STORE, STORE_BUNDLE, available("A"), false);
		List<StatusRow> snapshot = table.rows();
		table.remove("msl1");
		assertEquals(1, snapshot.size());
		assertEquals(List.of(), table.rows());
	}
}

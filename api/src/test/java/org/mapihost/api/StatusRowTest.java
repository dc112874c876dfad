package org.mapihost.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.api.StatusColumn.PR_DISPLAY_NAME;
import static org.mapihost.api.StatusColumn.PR_IDENTITY_ENTRYID;
import static org.mapihost.api.StatusColumn.PR_RESOURCE_METHODS;
import static org.mapihost.api.StatusColumn.PR_ROWID;
import static org.mapihost.api.StatusColumn.PR_STATUS_CODE;
import static org.mapihost.api.StatusColumn.PR_STATUS_STRING;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StatusRowTest {

	private static StatusRow available() {
		return StatusRow.builder().set(PR_DISPLAY_NAME, "Personal Folders").set(PR_STATUS_CODE, 0x1)
				.set(PR_STATUS_STRING, "Available").build();
	}

	@Test
	void builderKeepsTheValues() {
		StatusRow row = available();
		assertEquals("Personal Folders", row.string(PR_DISPLAY_NAME));
		assertEquals(1, row.integer(PR_STATUS_CODE));
		assertEquals(Optional.of("Available"), row.get(PR_STATUS_STRING));
		assertEquals(Set.of(PR_DISPLAY_NAME, PR_STATUS_CODE, PR_STATUS_STRING), row.columns());
	}

	@Test
	void unsetColumnsReadAsEmpty() {
		StatusRow row = StatusRow.builder().build();
		assertEquals(Optional.empty(), row.get(PR_DISPLAY_NAME));
		assertEquals("", row.string(PR_DISPLAY_NAME));
		assertEquals(0, row.integer(PR_STATUS_CODE));
		assertTrue(row.columns().isEmpty());
	}

	@Test
	void columnsComeInColumnOrder() {
		StatusRow row = StatusRow.builder().set(PR_ROWID, 3).set(PR_STATUS_CODE, 1).set(PR_DISPLAY_NAME, "x").build();
		assertEquals(List.of(PR_DISPLAY_NAME, PR_STATUS_CODE, PR_ROWID), List.copyOf(row.columns()));
	}

	@Test
	void builderRefusesAValueOfTheWrongType() {
		MapiException e = assertThrows(MapiException.class,
				() -> StatusRow.builder().set(PR_STATUS_CODE, "available"));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
		assertTrue(e.sentence().contains("PR_STATUS_CODE"), e.getMessage());
		assertTrue(e.sentence().contains("Integer"), e.getMessage());
		assertTrue(e.sentence().contains("String"), e.getMessage());

		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> StatusRow.builder().set(PR_DISPLAY_NAME, 5)).code());
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> StatusRow.builder().set(PR_IDENTITY_ENTRYID, "0102")).code());
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> StatusRow.builder().set(PR_RESOURCE_METHODS, 1L)).code());
	}

	@Test
	void builderRefusesNulls() {
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> StatusRow.builder().set(PR_DISPLAY_NAME, null)).code());
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER,
				assertThrows(MapiException.class, () -> StatusRow.builder().set(null, "x")).code());
	}

	@Test
	void mergeOverwritesOnlyTheGivenColumns() {
		StatusRow base = available();
		StatusRow update = StatusRow.builder().set(PR_STATUS_CODE, 0x4).set(PR_RESOURCE_METHODS, 0x8).build();
		StatusRow merged = base.merge(update);
		assertEquals("Personal Folders", merged.string(PR_DISPLAY_NAME));
		assertEquals("Available", merged.string(PR_STATUS_STRING));
		assertEquals(0x4, merged.integer(PR_STATUS_CODE));
		assertEquals(0x8, merged.integer(PR_RESOURCE_METHODS));
		assertEquals(Set.of(PR_DISPLAY_NAME, PR_STATUS_CODE, PR_STATUS_STRING, PR_RESOURCE_METHODS), merged.columns());
		assertEquals(available(), base, "merge leaves the original row alone");
	}

	@Test
	void mergeIntoAndWithEmptyRows() {
		StatusRow empty = StatusRow.builder().build();
		assertEquals(available(), empty.merge(available()));
		assertEquals(available(), available().merge(empty));
	}

	@Test
	void toBuilderStartsFromTheRowAndLeavesItAlone() {
		StatusRow row = available();
		StatusRow changed = row.toBuilder().set(PR_STATUS_CODE, 0x2).build();
		assertEquals(0x2, changed.integer(PR_STATUS_CODE));
		assertEquals("Personal Folders", changed.string(PR_DISPLAY_NAME));
		assertEquals(0x1, row.integer(PR_STATUS_CODE));
	}

	@Test
	void builderCanGoOnAfterBuild() {
		StatusRow.Builder builder = StatusRow.builder().set(PR_STATUS_CODE, 1);
		StatusRow first = builder.build();
		builder.set(PR_STATUS_CODE, 2);
		assertEquals(1, first.integer(PR_STATUS_CODE));
		assertEquals(2, builder.build().integer(PR_STATUS_CODE));
	}

	@Test
	void byteArraysAreCopiedInAndOut() {
		byte[] id = { 1, 2, 3 };
		StatusRow row = StatusRow.builder().set(PR_IDENTITY_ENTRYID, id).build();
		id[0] = 9;
		assertArrayEquals(new byte[] { 1, 2, 3 }, (byte[]) row.get(PR_IDENTITY_ENTRYID).orElseThrow());
		((byte[]) row.get(PR_IDENTITY_ENTRYID).orElseThrow())[1] = 9;
		assertArrayEquals(new byte[] { 1, 2, 3 }, (byte[]) row.get(PR_IDENTITY_ENTRYID).orElseThrow());
		StatusRow merged = StatusRow.builder().build().merge(row);
		assertArrayEquals(new byte[] { 1, 2, 3 }, (byte[]) merged.get(PR_IDENTITY_ENTRYID).orElseThrow());
	}

	@Test
	void equalsComparesByteArraysByContent() {
		StatusRow a = StatusRow.builder().set(PR_IDENTITY_ENTRYID, new byte[] { 1, 2 }).set(PR_STATUS_CODE, 1).build();
		StatusRow b = StatusRow.builder().set(PR_STATUS_CODE, 1).set(PR_IDENTITY_ENTRYID, new byte[] { 1, 2 }).build();
		assertEquals(a, b);
		assertEquals(a.hashCode(), b.hashCode());
		assertNotEquals(a, StatusRow.builder().set(PR_IDENTITY_ENTRYID, new byte[] { 1, 3 }).set(PR_STATUS_CODE, 1).build());
		assertNotEquals(a, StatusRow.builder().set(PR_IDENTITY_ENTRYID, new byte[] { 1, 2 }).build());
	}

	@Test
	void columnsCannotBeChanged() {
		StatusRow row = available();
		assertThrows(UnsupportedOperationException.class, () -> row.columns().remove(PR_DISPLAY_NAME));
		assertEquals(3, row.columns().size());
	}

	@Test
	void toStringShowsBytesAsHex() {
		String text = StatusRow.builder().set(PR_IDENTITY_ENTRYID, new byte[] { (byte) 0xAB, 0x01 }).build().toString();
		assertTrue(text.contains("PR_IDENTITY_ENTRYID=AB01"), text);
	}

	@Test
	void columnTagsAreMapisAndMapiComputedColumnsAreMarked() {
		assertEquals(0x3001001F, PR_DISPLAY_NAME.tag());
		assertEquals(0x3E040003, PR_STATUS_CODE.tag());
		assertEquals(0x3E030003, StatusColumn.PR_RESOURCE_TYPE.tag());
		assertEquals(0x0FFE0003, StatusColumn.PR_OBJECT_TYPE.tag());
		assertEquals(0x30000003, PR_ROWID.tag());
		assertEquals(0x0A, StatusColumn.MAPI_STATUS);
		for (StatusColumn column : List.of(StatusColumn.PR_RESOURCE_TYPE, StatusColumn.PR_RESOURCE_FLAGS,
				StatusColumn.PR_PROVIDER_DLL_NAME, StatusColumn.PR_ENTRYID, StatusColumn.PR_INSTANCE_KEY,
				StatusColumn.PR_OBJECT_TYPE, PR_ROWID)) {
			assertTrue(!column.providerSupplied(), column + " is computed by MAPI");
		}
		assertTrue(PR_STATUS_CODE.providerSupplied());
	}
}

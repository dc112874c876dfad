package org.mapihost.runtime.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;

/**
 * A session's status table: one row per logon that set one, in the order rows were added.
 * The runtime fills the columns MAPI computes. Concurrency: {@code this}.
 */
public final class StatusTable {
	private final Map<String, StatusRow> rows = new LinkedHashMap<>();
	private int nextRowId = 1;

	/**
	 * {@code ModifyStatusRow}: replaces the logon's row, or merges into it when
	 * {@code update} is set.
	 */
	public synchronized void modify(String logonId, ProviderKind kind, String bundleName, StatusRow providerRow,
			boolean update) {
		StatusRow.Builder supplied = StatusRow.builder();
		for (StatusColumn column : providerRow.columns()) {
			if (column.providerSupplied()) {
				supplied.set(column, providerRow.get(column).orElseThrow());
			}
		}
		StatusRow existing = rows.get(logonId);
		StatusRow base = update && existing != null ? existing : StatusRow.builder().build();
		int rowId = existing != null ? existing.integer(StatusColumn.PR_ROWID) : nextRowId++;
		byte[] key = logonId.getBytes(StandardCharsets.US_ASCII);
		StatusRow row = base.merge(supplied.build()).toBuilder()
				.set(StatusColumn.PR_RESOURCE_TYPE, kind.resourceType())
				.set(StatusColumn.PR_RESOURCE_FLAGS, 0)
				.set(StatusColumn.PR_PROVIDER_DLL_NAME, bundleName)
				.set(StatusColumn.PR_OBJECT_TYPE, StatusColumn.MAPI_STATUS)
				.set(StatusColumn.PR_ROWID, rowId)
				.set(StatusColumn.PR_INSTANCE_KEY, key)
				.set(StatusColumn.PR_ENTRYID, key)
				.build();
		rows.put(logonId, row);
	}

	/** Removes the logon's row; returns whether there was one. */
	public synchronized boolean remove(String logonId) {
		return rows.remove(logonId) != null;
	}

	public synchronized boolean contains(String logonId) {
		return rows.containsKey(logonId);
	}

	public synchronized List<StatusRow> rows() {
		return new ArrayList<>(rows.values());
	}
}

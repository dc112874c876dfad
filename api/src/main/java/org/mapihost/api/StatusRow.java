package org.mapihost.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One row of the session's status table: column values keyed by {@link StatusColumn}.
 * Immutable; byte-array values are copied in and out.
 *
 * @since 1.0
 */
public final class StatusRow {
	private final Map<StatusColumn, Object> values;

	private StatusRow(Map<StatusColumn, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/**
	 * @return a builder for a new row
	 */
	public static Builder builder() {
		return new Builder(new EnumMap<>(StatusColumn.class));
	}

	/**
	 * @return a builder that starts from this row's values
	 */
	public Builder toBuilder() {
		return new Builder(values.isEmpty() ? new EnumMap<>(StatusColumn.class) : new EnumMap<>(values));
	}

	/**
	 * @param column the column
	 * @return the column's value, if set
	 */
	public Optional<Object> get(StatusColumn column) {
		Object value = values.get(column);
		return Optional.ofNullable(value instanceof byte[] b ? b.clone() : value);
	}

	/**
	 * @param column a string column
	 * @return the value, or empty when not set
	 */
	public String string(StatusColumn column) {
		return get(column).map(String::valueOf).orElse("");
	}

	/**
	 * @param column an integer column
	 * @return the value, or 0 when not set
	 */
	public int integer(StatusColumn column) {
		return get(column).map(v -> (Integer) v).orElse(0);
	}

	/**
	 * @return the columns this row sets, in column order
	 */
	public java.util.Set<StatusColumn> columns() {
		return values.keySet();
	}

	/**
	 * The merge {@code ModifyStatusRow} makes with {@code STATUSROW_UPDATE}.
	 *
	 * @param update the columns to set
	 * @return a row with this row's values overwritten by {@code update}'s
	 */
	public StatusRow merge(StatusRow update) {
		Map<StatusColumn, Object> merged = values.isEmpty() ? new EnumMap<>(StatusColumn.class) : new EnumMap<>(values);
		merged.putAll(update.values);
		return new StatusRow(merged);
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof StatusRow row) || !row.values.keySet().equals(values.keySet())) {
			return false;
		}
		return values.entrySet().stream().allMatch(e -> java.util.Objects.deepEquals(e.getValue(), row.values.get(e.getKey())));
	}

	@Override
	public int hashCode() {
		return values.keySet().hashCode();
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "{", "}");
		values.forEach((column, value) -> joiner.add(column + "=" + (value instanceof byte[] b
				? java.util.HexFormat.of().withUpperCase().formatHex(b) : value)));
		return joiner.toString();
	}

	/**
	 * Builds a {@link StatusRow}; checks each value against its column's type.
	 */
	public static final class Builder {
		private final Map<StatusColumn, Object> values;

		private Builder(Map<StatusColumn, Object> values) {
			this.values = values;
		}

		/**
		 * @param column the column
		 * @param value  a value of the column's {@link StatusColumn#type()}
		 * @return this builder
		 * @throws MapiException {@link ResultCode#MAPI_E_INVALID_PARAMETER} when the value
		 *                       is null or of the wrong type
		 */
		public Builder set(StatusColumn column, Object value) {
			if (column == null || value == null || !column.type().isInstance(value)) {
				throw new MapiException(ResultCode.MAPI_E_INVALID_PARAMETER, "status column " + column + " takes a "
						+ (column == null ? "?" : column.type().getSimpleName()) + ", got "
						+ (value == null ? "null" : value.getClass().getSimpleName()));
			}
			values.put(column, value instanceof byte[] b ? b.clone() : value);
			return this;
		}

		/**
		 * @return the row
		 */
		public StatusRow build() {
			return new StatusRow(new EnumMap<>(values));
		}
	}
}

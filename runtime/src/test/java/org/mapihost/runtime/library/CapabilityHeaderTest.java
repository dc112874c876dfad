package org.mapihost.runtime.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CapabilityHeaderTest {
	@Test
	void readsWhatBndWritesForAProvider() {
		List<CapabilityHeader.Clause> clauses = CapabilityHeader.parse(
				"osgi.service;objectClass:List<String>=\"org.mapihost.api.provider.MessageStoreProvider\";uses:=\"org.mapihost.api.provider\","
						+ "org.mapihost.provider;name=\"org.mapihost.sample.memstore\";type=STORE;display=\"In-memory, \\\"quoted\\\" store\"");
		assertEquals(2, clauses.size());
		assertEquals(Map.of("objectClass", "org.mapihost.api.provider.MessageStoreProvider"), clauses.get(0).attributes());
		assertEquals("org.mapihost.provider", clauses.get(1).namespace());
		assertEquals(Map.of("name", "org.mapihost.sample.memstore", "type", "STORE", "display", "In-memory, \"quoted\" store"),
				clauses.get(1).attributes());
	}

	@Test
	void emptyHeaderHasNoClauses() {
		assertEquals(List.of(), CapabilityHeader.parse(null));
		assertEquals(List.of(), CapabilityHeader.parse("  "));
	}

	@Test
	void malformedHeadersAreRefusedWithAReason() {
		assertThrows(IllegalArgumentException.class, () -> CapabilityHeader.parse("ns;name"));
		assertThrows(IllegalArgumentException.class, () -> CapabilityHeader.parse("ns;name=\"open"));
		assertThrows(IllegalArgumentException.class, () -> CapabilityHeader.parse(";name=x"));
	}
}

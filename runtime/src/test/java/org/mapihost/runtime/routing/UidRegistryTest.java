package org.mapihost.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiUid;

class UidRegistryTest {
	private static final MapiUid U1 = MapiUid.parse("11111111111111111111111111111111");
	private static final MapiUid U2 = MapiUid.parse("22222222222222222222222222222222");

	private final UidRegistry<String> registry = new UidRegistry<>();

	@Test
	void routesToTheLogonThatRegisteredTheUid() {
		registry.register(U1, "msl1");
		registry.register(U2, "abl1");
		assertEquals(Optional.of("msl1"), registry.route(U1));
		assertEquals(Optional.of("abl1"), registry.route(U2));
		assertEquals(Optional.of("msl1"), registry.route(MapiUid.parse(U1.toString())), "by value, not identity");
	}

	@Test
	void anUnknownUidRoutesNowhere() {
		assertEquals(Optional.empty(), registry.route(U1));
		registry.register(U2, "msl1");
		assertEquals(Optional.empty(), registry.route(U1));
	}

	@Test
	void theFirstRegistrantWins() {
		registry.register(U1, "msl1");
		registry.register(U1, "msl2");
		registry.register(U1, "msl3");
		assertEquals(Optional.of("msl1"), registry.route(U1));
		registry.removeAll("msl1");
		assertEquals(Optional.of("msl2"), registry.route(U1), "then the next one in registration order");
	}

	@Test
	void removeAllTakesEveryRegistrationOfTheLogonOnly() {
		registry.register(U1, "msl1");
		registry.register(U2, "msl1");
		registry.register(U2, "abl1");
		assertEquals(2, registry.removeAll("msl1"));
		assertEquals(Optional.empty(), registry.route(U1));
		assertEquals(Optional.of("abl1"), registry.route(U2));
		assertEquals(List.of(), registry.uidsOf("msl1"));
		assertEquals(1, registry.size());
		assertEquals(0, registry.removeAll("msl1"), "nothing left to remove");
	}

	@Test
	void duplicatesAreKeptAndAllRemoved() {
		registry.register(U1, "msl1");
		registry.register(U1, "msl1");
		assertEquals(2, registry.size());
		assertEquals(List.of(U1, U1), registry.uidsOf("msl1"));
		assertEquals(Optional.of("msl1"), registry.route(U1));
		assertEquals(2, registry.removeAll("msl1"));
		assertEquals(0, registry.size());
		assertEquals(Optional.empty(), registry.route(U1));
	}

	@Test
	void uidsOfListsInRegistrationOrder() {
		registry.register(U2, "msl1");
		registry.register(U1, "abl1");
		registry.register(U1, "msl1");
		assertEquals(List.of(U2, U1), registry.uidsOf("msl1"));
		assertEquals(List.of(U1), registry.uidsOf("abl1"));
	}

	@Test
	void logonsAreToldApartByIdentity() {
		UidRegistry<Object> logons = new UidRegistry<>();
		String first = new String("logon");
		String second = new String("logon");
		logons.register(U1, first);
		logons.register(U1, second);
		assertEquals(1, logons.removeAll(second), "an equal but different logon keeps its registrations");
		assertEquals(1, logons.size());
		assertEquals(List.of(U1), logons.uidsOf(first));
	}
}

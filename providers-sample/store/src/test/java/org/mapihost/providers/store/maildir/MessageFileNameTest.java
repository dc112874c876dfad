package org.mapihost.providers.store.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MessageFileNameTest {
	@Test
	void namesWithAndWithoutInfoParse() {
		MessageFileName fresh = MessageFileName.parse("1700000000.M1P2Q3.host");
		assertEquals("1700000000.M1P2Q3.host", fresh.id().name());
		assertEquals("", fresh.flags());
		assertFalse(fresh.seen());

		MessageFileName read = MessageFileName.parse("1700000000.M1P2Q3.host,S=120:2,RS");
		assertEquals("1700000000.M1P2Q3.host,S=120", read.id().name());
		assertEquals("RS", read.flags());
		assertTrue(read.seen());
	}

	@Test
	void theSeenFlagIsSetAndClearedInAsciiOrder() {
		assertEquals("x:2,S", MessageFileName.parse("x").withSeen(true).toString());
		assertEquals("x:2,DFRST", MessageFileName.parse("x:2,TRFD").withSeen(true).toString());
		assertEquals("x:2,FT", MessageFileName.parse("x:2,FST").withSeen(false).toString());
		assertEquals("x:2,S", MessageFileName.parse("x:1,experimental").withSeen(true).toString());
	}

	@Test
	void filesThisStoreCannotAddressAreNotMessages() {
		assertNull(MessageFileName.parse(".nfs0001"));
		assertNull(MessageFileName.parse("name with blanks:2,S"));
		assertNull(MessageFileName.parse(":2,S"));
	}

	@Test
	void uniqueNamesFollowTheMaildirSpecAndDoNotRepeat() {
		Set<MessageId> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			MessageId id = UniqueNames.next();
			assertTrue(id.name().matches("\\d+\\.M\\d+P\\d+Q\\d+R[0-9a-f]{16}\\.[A-Za-z0-9.-]+"), id.name());
			assertTrue(seen.add(id), id.name());
		}
		assertEquals("host_name_x", UniqueNames.sanitize("host/name:x"));
		assertEquals("localhost", UniqueNames.sanitize("..."));
		assertNotEquals("", UniqueNames.sanitize(""));
	}
}

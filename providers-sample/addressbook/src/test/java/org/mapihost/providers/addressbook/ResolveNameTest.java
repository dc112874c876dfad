package org.mapihost.providers.addressbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.addressbook.VCardFiles.ALICE;
import static org.mapihost.providers.addressbook.VCardFiles.BOB;
import static org.mapihost.providers.addressbook.VCardFiles.BOBBY;
import static org.mapihost.providers.addressbook.VCardFiles.CAROL;
import static org.mapihost.providers.addressbook.VCardFiles.NO_ADDRESS;
import static org.mapihost.providers.addressbook.VCardFiles.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapihost.api.MapiException;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.providers.testkit.RecordingSupport;

class ResolveNameTest {
	private static final Recipient ALICE_SMTP = new Recipient("Alice Smith", "SMTP", "alice@example.org");
	private static final Recipient BOB_PEER = new Recipient("Bob Builder", "PEER", "bob");
	private static final Recipient BOBBY_SMTP = new Recipient("Bobby Tables", "SMTP", "bobby@school.example");
	private static final Recipient CAROL_PEER = new Recipient("Carol Peer", "PEER", "carol");

	@TempDir
	Path dir;

	private Path file;
	private AddressBookLogon logon;

	@BeforeEach
	void logOn() throws IOException {
		file = write(dir.resolve("contacts.vcf"), ALICE, BOB, BOBBY, CAROL, NO_ADDRESS);
		logon = logOn(Map.of("file", file.toString()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Alice Smith", "alice", "smi", "alice@example.org", "ALICE@ex" })
	void aUniqueMatchIsOneRecipient(String name) {
		assertEquals(List.of(ALICE_SMTP), logon.resolveName(name));
	}

	@Test
	void severalMatchesAreAllReturnedBestFirst() {
		assertEquals(List.of(BOB_PEER, BOBBY_SMTP), logon.resolveName("bo"));
		assertEquals(List.of(BOB_PEER), logon.resolveName("bob builder"), "an exact name wins over prefixes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zed", "ice", "Nora Noaddress", "nora" })
	void noMatchIsEmpty(String name) {
		assertEquals(List.of(), logon.resolveName(name));
	}

	@Test
	void aTypedAddressPropertyIsTheContactsAddressAndFindsItByName() {
		assertEquals(List.of(CAROL_PEER), logon.resolveName("Carol"));
		assertEquals(List.of(CAROL_PEER), logon.resolveName("carol"), "the peer address matches too");
		assertEquals(List.of(BOB_PEER), logon.resolveName("bob@example.org"), "X-MAPIHOST-ADDRESS wins over EMAIL");
	}

	@Test
	void oneOffsResolveToThemselves() {
		assertEquals(List.of(new Recipient("someone@example.org", "SMTP", "someone@example.org")),
				logon.resolveName("SMTP:someone@example.org"));
		assertEquals(List.of(new Recipient("dora", "PEER", "dora")), logon.resolveName("PEER:dora"));
		assertEquals(List.of(new Recipient("x-1", "FAX", "x-1")), logon.resolveName("[fax:x-1]"));
		assertEquals(List.of(new Recipient("someone@example.org", "SMTP", "someone@example.org")),
				logon.resolveName("someone@example.org"));
		assertEquals(List.of(), logon.resolveName("SMTP:not an address"));
	}

	@Test
	void oneOffTypesCanBeLimited() throws IOException {
		AddressBookLogon smtpOnly = logOn(Map.of("file", file.toString(), "oneOffTypes", "smtp"));
		assertEquals(List.of(), smtpOnly.resolveName("PEER:dora"));
		assertEquals(List.of(BOB_PEER), smtpOnly.resolveName("PEER:bob"), "not a one-off: the contact with that address");
		assertEquals(1, smtpOnly.resolveName("SMTP:someone@example.org").size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void aBlankNameIsAnInvalidParameter(String name) {
		MapiException e = assertThrows(MapiException.class, () -> logon.resolveName(name));
		assertEquals(ResultCode.MAPI_E_INVALID_PARAMETER, e.code());
	}

	@Test
	void concurrentCallsWhileTheFileChangesSeeOldOrNewContactsAndRowsInOrder() throws Exception {
		RecordingSupport support = VCardAbLogonTest.support(Map.of("file", file.toString()));
		AddressBookLogon shared = logOn(support);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				calls.add(pool.submit(() -> {
					List<Recipient> alice = shared.resolveName("alice");
					assertEquals(List.of(ALICE_SMTP), alice);
					return shared.openEntry(null, 0);
				}));
				if (i % 50 == 0) {
					VCardFiles.replace(file, i % 100 == 0 ? new String[] { ALICE } : new String[] { ALICE, BOB });
				}
			}
			for (Future<?> call : calls) {
				call.get();
			}
		} finally {
			pool.shutdownNow();
		}
		shared.resolveName("alice");
		List<String> rows = support.rows.stream().map(row -> row.string(StatusColumn.PR_STATUS_STRING)).toList();
		assertEquals("Available: 5 contacts loaded, 0 malformed cards", rows.get(0));
		assertEquals("Available: 2 contacts loaded, 0 malformed cards", rows.get(rows.size() - 1), rows::toString);
		assertTrue(rows.size() <= 5, rows::toString);
	}

	private static AddressBookLogon logOn(Map<String, String> settings) {
		VCardAddressBookProvider provider = new VCardAddressBookProvider();
		provider.log = new RecordingLogger().logger;
		return provider.logon(VCardAbLogonTest.support(settings), "test-profile", 0);
	}

	private static AddressBookLogon logOn(RecordingSupport support) {
		VCardAddressBookProvider provider = new VCardAddressBookProvider();
		provider.log = new RecordingLogger().logger;
		return provider.logon(support, "test-profile", 0);
	}
}

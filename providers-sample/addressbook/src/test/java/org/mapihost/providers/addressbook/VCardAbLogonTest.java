package org.mapihost.providers.addressbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.addressbook.VCardFiles.ALICE;
import static org.mapihost.providers.addressbook.VCardFiles.BOB;
import static org.mapihost.providers.addressbook.VCardFiles.BROKEN;
import static org.mapihost.providers.addressbook.VCardFiles.DAVE;
import static org.mapihost.providers.addressbook.VCardFiles.write;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.MapiException;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.provider.AddressBookLogon;
import org.mapihost.providers.testkit.RecordingSupport;

class VCardAbLogonTest {
	@TempDir
	Path dir;

	private final RecordingLogger log = new RecordingLogger();

	@Test
	void logonRegistersAStableUidAndAStatusRowThatCountsContactsAndMalformedCards() throws IOException {
		Path file = write(dir.resolve("contacts.vcf"), ALICE, BROKEN, BOB);
		RecordingSupport support = support(Map.of("file", file.toString(), "displayName", "Friends"));
		logOn(support);

		assertEquals(List.of("OpenProfileSection", "SetProviderUID", "ModifyStatusRow"), support.calls);
		assertEquals(List.of(0), support.rowFlags);
		StatusRow row = support.rows.get(0);
		assertEquals("Friends", row.string(StatusColumn.PR_DISPLAY_NAME));
		assertEquals(VCardAddressBookProvider.DISPLAY, row.string(StatusColumn.PR_PROVIDER_DISPLAY));
		assertEquals(StatusCode.STATUS_AVAILABLE.value(), row.integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Available: 2 contacts loaded, 1 malformed card", row.string(StatusColumn.PR_STATUS_STRING));

		RecordingSupport again = support(Map.of("file", dir.resolve(".").resolve("contacts.vcf").toString()));
		logOn(again);
		assertEquals(support.uids, again.uids, "same file, same MAPIUID");
		RecordingSupport other = support(Map.of("file", write(dir.resolve("other.vcf"), ALICE).toString()));
		logOn(other);
		assertNotEquals(support.uids, other.uids);
	}

	@Test
	void aMalformedCardIsLoggedWithItsPlaceAndTheOthersLoad() throws IOException {
		Path file = write(dir.resolve("contacts.vcf"), ALICE, BROKEN, BOB);
		AddressBookLogon logon = logOn(support(Map.of("file", file.toString())));

		assertEquals(1, logon.resolveName("Bob Builder").size());
		assertEquals(1, logon.resolveName("alice").size());
		List<String> warnings = log.lines("warn");
		assertEquals(1, warnings.size(), warnings::toString);
		assertTrue(warnings.get(0).contains("card 2 of " + file + " (line 7) is malformed"), warnings.get(0));
		assertTrue(log.lines("info").stream().anyMatch(line -> line.contains("2 contacts loaded, 1 malformed cards")), log.lines()::toString);
	}

	@Test
	void aChangedFileIsReadAgainWithoutANewLogon() throws IOException {
		Path file = write(dir.resolve("contacts.vcf"), ALICE);
		RecordingSupport support = support(Map.of("file", file.toString()));
		AddressBookLogon logon = logOn(support);
		assertEquals(List.of(), logon.resolveName("Dave"));

		write(file, ALICE, DAVE);

		assertEquals(List.of(new Recipient("Dave", "SMTP", "dave@example.org")), logon.resolveName("Dave"));
		assertEquals(List.of(0, StatusRowFlag.STATUSROW_UPDATE.value()), support.rowFlags);
		assertEquals("Available: 2 contacts loaded, 0 malformed cards", support.rows.get(1).string(StatusColumn.PR_STATUS_STRING));
		logon.resolveName("Dave");
		assertEquals(2, support.count("ModifyStatusRow"), "an unchanged file changes no row");
	}

	@Test
	void aMissingFileIsAnEmptyAddressBookWithAWarningUntilItExists() throws IOException {
		Path file = dir.resolve("later.vcf");
		RecordingSupport support = support(Map.of("file", file.toString()));
		AddressBookLogon logon = logOn(support);

		assertEquals(1, support.uids.size());
		assertTrue(support.rows.get(0).string(StatusColumn.PR_STATUS_STRING).startsWith("Available: 0 contacts loaded, 0 malformed cards; "),
				support.rows.get(0).toString());
		assertTrue(log.lines("warn").stream().anyMatch(line -> line.contains("is empty") && line.contains("does not exist")),
				log.lines()::toString);
		assertEquals(0, logon.openEntry(null, 0).properties().get("PR_CONTENT_COUNT"));
		assertEquals(List.of(), logon.resolveName("alice"));

		write(file, ALICE);
		assertEquals(List.of(new Recipient("Alice Smith", "SMTP", "alice@example.org")), logon.resolveName("alice"));
		assertEquals(support.uids.get(0), new AbSettings(file, "x", Set.of()).uid(), "the UID stays that of the path");
	}

	@Test
	void anOversizedFileIsRefusedWithALogLine() throws IOException {
		Path file = dir.resolve("huge.vcf");
		try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
			huge.setLength(VCardAbLogon.MAX_FILE_BYTES + 1L);
		}
		RecordingSupport support = support(Map.of("file", file.toString()));
		AddressBookLogon logon = logOn(support);

		assertEquals(List.of(), logon.resolveName("alice"));
		String expected = "more than the limit of " + VCardAbLogon.MAX_FILE_BYTES;
		assertTrue(log.lines("warn").stream().anyMatch(line -> line.contains(expected)), log.lines()::toString);
		assertTrue(support.rows.get(0).string(StatusColumn.PR_STATUS_STRING).contains(expected), support.rows.get(0).toString());
	}

	@Test
	void withoutAFileSettingTheLogonFailsUnconfiguredBeforeAnythingIsRegistered() {
		RecordingSupport support = support(Map.of("displayName", "x"));
		MapiException e = assertThrows(MapiException.class, () -> logOn(support));
		assertEquals(ResultCode.MAPI_E_UNCONFIGURED, e.code());
		assertTrue(e.getMessage().contains("'file'"), e.getMessage());
		assertEquals(List.of("OpenProfileSection"), support.calls);
	}

	@Test
	void aBadOneOffTypeSettingFailsUnconfigured() {
		RecordingSupport support = support(Map.of("file", "x.vcf", "oneOffTypes", "SMTP, 9lives"));
		MapiException e = assertThrows(MapiException.class, () -> logOn(support));
		assertEquals(ResultCode.MAPI_E_UNCONFIGURED, e.code());
		assertTrue(e.getMessage().contains("'9lives'"), e.getMessage());
	}

	@Test
	void logoffReleasesTheSupportObjectLastAndOnce() throws IOException {
		RecordingSupport support = support(Map.of("file", write(dir.resolve("c.vcf"), ALICE).toString()));
		AddressBookLogon logon = logOn(support);
		logon.resolveName("alice");

		logon.logoff(0);
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
		assertThrows(IllegalStateException.class, () -> logon.resolveName("alice"));
		assertThrows(IllegalStateException.class, () -> logon.openEntry(null, 0));
		assertThrows(IllegalStateException.class, () -> logon.logoff(0));

		logon.release();
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
		assertThrows(IllegalStateException.class, logon::release);
	}

	@Test
	void releaseWithoutLogoffStillReleasesTheSupportObjectOnce() throws IOException {
		RecordingSupport support = support(Map.of("file", write(dir.resolve("c.vcf"), ALICE).toString()));
		AddressBookLogon logon = logOn(support);

		logon.release();
		assertEquals(1, support.count("Release"));
		assertEquals("Release", support.lastCall());
	}

	@Test
	void aChangeSeenAfterLogoffSetsNoRow() throws IOException {
		Path file = write(dir.resolve("c.vcf"), ALICE);
		RecordingSupport support = support(Map.of("file", file.toString()));
		AddressBookLogon logon = logOn(support);
		logon.logoff(0);
		write(file, ALICE, DAVE);

		assertThrows(IllegalStateException.class, () -> logon.resolveName("dave"));
		assertEquals("Release", support.lastCall());
	}

	private AddressBookLogon logOn(RecordingSupport support) {
		VCardAddressBookProvider provider = new VCardAddressBookProvider();
		provider.log = log.logger;
		return provider.logon(support, "test-profile", 0);
	}

	static RecordingSupport support(Map<String, String> settings) {
		return new RecordingSupport(ProviderKind.ADDRESS_BOOK, "contacts", settings);
	}
}

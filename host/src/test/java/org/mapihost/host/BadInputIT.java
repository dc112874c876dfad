package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of README's table, given to the host jar as an operator would: broken profile
 * files in {@code etc/}, malformed cards in the address book, files in a Maildir that are not
 * messages, and shell commands with malformed, truncated, foreign and oversized entry IDs,
 * unknown and combined flags, unknown profiles, stores, folders and handles, and a double
 * release. Each must get its own clear answer, in order; afterwards the host still sends a
 * message from Alice to Bob, nothing leaked, and nothing outside the data folder was touched.
 */
class BadInputIT {
	private static final long STEP_TIMEOUT_SECONDS = 90;
	private static final Pattern INBOX_ENTRY_ID = Pattern.compile("Inbox .*entryid=([0-9A-F]{40})");

	private static Path jar;

	@TempDir
	Path work;

	@BeforeAll
	static void findJar() {
		jar = Path.of(System.getProperty("mapihost.jar", "target/mapihost.jar")).toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn verify (bnd-export makes it in package)");
	}

	/** A command and the start of the answer it must get (an {@code Error:} line, or output). */
	private record Case(String command, String answer) {
	}

	@Test
	void everyBadInputGetsAClearAnswerAndTheHostGoesOn() throws Exception {
		String aliceStore = createStores();
		writeBadFiles();

		String traversalFolder = aliceStore + "0146" + lengthAndHex("../../../etc/passwd");
		String traversalMessage = aliceStore + "014D00" + lengthAndHex("../../../../etc/passwd");
		List<Case> cases = List.of(
				new Case("mapi:logon nosuchprofile", "Error: MAPI_E_LOGON_FAILED: there is no profile named 'nosuchprofile'"),
				new Case("mapi:logon broken", "Error: MAPI_E_LOGON_FAILED: profile 'broken' is broken: profile 'broken': entry 'nothing' has no 'nothing.provider'"),
				new Case("mapi:logon badprovider", "Error: MAPI_E_LOGON_FAILED: provider org.example.nosuch of profile entry 'store' is not available"),
				new Case("mapi:logon alice 0x40000000", "Error: MAPI_E_UNKNOWN_FLAGS: MAPILogonEx does not take the flag bits 0x40000000"),
				new Case("mapi:logon alice FOO", "Error: MAPI_E_UNKNOWN_FLAGS: unknown flag 'FOO' for LogonFlag; known: MAPI_LOGON_UI"),
				new Case("mapi:open-store s1 nosuchstore", "Error: MAPI_E_NOT_FOUND: profile alice has no store named 'nosuchstore'"),
				new Case("mapi:open-store s1 store 0x7000000", "Error: MAPI_E_UNKNOWN_FLAGS: OpenMsgStore does not take the flag bits 0x07000000"),
				new Case("mapi:open-entry ms1 zz", "Error: MAPI_E_INVALID_ENTRYID: an entry ID is written as an even number of hex digits, got 'zz'"),
				new Case("mapi:open-entry ms1 " + aliceStore.substring(0, 30), "Error: MAPI_E_INVALID_ENTRYID: an entry ID has at least 20 bytes (4 flag bytes and a 16-byte MAPIUID), got 15"),
				new Case("mapi:open-entry ms1 00000000" + "F".repeat(32), "Error: MAPI_E_INVALID_ENTRYID: not an entry ID of this Maildir store: it carries the MAPIUID FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
				new Case("mapi:open-entry s1 00000000" + "F".repeat(32) + "01", "Error: MAPI_E_UNKNOWN_ENTRYID: no open provider registered the MAPIUID FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
				new Case("mapi:open-entry ms1 " + aliceStore + "0146FF4F7574", "Error: MAPI_E_INVALID_ENTRYID: not an entry ID of this Maildir store: its folder name should have 255 bytes, only 3 follow"),
				new Case("mapi:open-entry ms1 " + traversalFolder, "Error: MAPI_E_INVALID_ENTRYID: not an entry ID of this Maildir store: the folder name '../../../etc/passwd' contains '.'"),
				new Case("mapi:read ms1 " + traversalMessage, "Error: MAPI_E_INVALID_ENTRYID: not an entry ID of this Maildir store: the message name '../../../../etc/passwd' starts with a dot"),
				new Case("mapi:open-entry ms1 " + "A".repeat(200_000), "Error: MAPI_E_INVALID_ENTRYID: an entry ID has at most 65536 bytes, got 200000 hex digits; too long"),
				new Case("mapi:open-entry ms1 root 0xFFFF", "Error: MAPI_E_UNKNOWN_FLAGS: IMsgStore::OpenEntry does not take the flag bits 0x0000FFE6"),
				new Case("mapi:store-logoff ms1 NOSUCH", "Error: MAPI_E_UNKNOWN_FLAGS: unknown flag 'NOSUCH' for StoreLogoffFlag"),
				new Case("mapi:store-logoff ms1 \"abort|orderly\"", "Error: MAPI_E_INVALID_PARAMETER: StoreLogoff takes exactly one flag, got LOGOFF_ORDERLY|LOGOFF_ABORT"),
				new Case("mapi:store-logoff ms1 0x80", "Error: MAPI_E_UNKNOWN_FLAGS: StoreLogoff does not take the flag bits 0x00000080"),
				new Case("mapi:folders ms99", "Error: MAPI_E_INVALID_OBJECT: no open session or handle is called 'ms99'"),
				new Case("mapi:folders s1", "Error: MAPI_E_INVALID_PARAMETER: s1 is not a MsgStore"),
				new Case("mapi:contents ms2 NoSuchFolder", "Error: MAPI_E_NOT_FOUND: the store at "),
				new Case("mapi:contents ms2 ../../../etc", "Error: MAPI_E_INVALID_PARAMETER: the folder name '../../../etc' contains '.'"),
				new Case("mapi:contents ms2 Inbox 2", "* (no sender)  \"\"  entryid="),
				new Case("mapi:resolve s1 Broken", "'Broken' is not in any address book"),
				new Case("mapi:resolve s1 " + "B".repeat(100_000), "Error: MAPI_E_INVALID_PARAMETER: a name to resolve must be 1 to 1024 characters"),
				new Case("mapi:send ms1 \"\" subject", "Error: MAPI_E_INVALID_PARAMETER: a name to resolve must be 1 to 1024 characters"),
				new Case("mapi:logoff s9", "Error: MAPI_E_INVALID_OBJECT: no open session or handle is called 's9'"),
				new Case("mapi:logoff s1 0x1234", "Error: MAPI_E_UNKNOWN_FLAGS: IMAPISession::Logoff does not take the flag bits 0x00001234"),
				new Case("mapi:release ms2", "ms2: 0 references left"),
				new Case("mapi:release ms2", "Error: MAPI_E_INVALID_OBJECT: no open session or handle is called 'ms2'"));

		StringBuilder script = new StringBuilder("mapi:init\nmapi:logon alice\nmapi:logon bob\nmapi:open-store s1\nmapi:open-store s2\n");
		cases.forEach(c -> script.append(c.command()).append('\n'));
		script.append("""
				bobstore = mapi:open-store s2
				mapi:send ms1 Bob "after the bad input" "still working"
				mapi:contents $bobstore Inbox 3 30
				mapi:store-logoff ms1 orderly
				mapi:release ms1
				mapi:release $bobstore
				mapi:logoff s1
				mapi:logoff s2
				mapi:uninit
				mapi:leaks
				""");

		try (HostProcess host = HostProcess.start(jar, work, "bad-input")) {
			host.send(script.toString());
			int exit = host.finish(STEP_TIMEOUT_SECONDS);
			String transcript = host.transcript();
			assertEquals(1, exit, "some commands failed, so the exit code is 1\n" + transcript);
			assertAnswersInOrder(cases, host.out(), host.err());
			assertTrue(host.out().contains("\"after the bad input\""), "Bob got the message sent after the bad input\n" + transcript);
			assertTrue(host.out().contains("mapi> mapi:leaks\nno leaks"), "nothing leaked\n" + transcript);
			assertFalse(host.out().contains("\tat ") || host.err().contains("\tat "), "no stack trace\n" + transcript);
			assertLogged(host.err(), "Profile file " + work.resolve("etc").resolve("org.mapihost.profile-escape.cfg").toAbsolutePath()
					+ " cannot be read, so it is ignored: Malformed \\uxxxx encoding.");
			assertLogged(host.err(), "card 3 of ");
			assertLogged(host.err(), "('Broken'): X-MAPIHOST-ADDRESS 'nocolon' is not TYPE:address (PEER:bob, say); left out");
			assertLogged(host.err(), "is malformed and was left out: no END:VCARD before the next BEGIN:VCARD");
		}
		assertNothingOutsideTheDataFolder();
		assertKept("1700000000.garbage.host", 11);
		assertKept("1700000001.random.host", 3_000_000);
	}

	/** Runs the host once so both Maildir stores exist; returns Alice's store's entry-ID prefix (flags and MAPIUID). */
	private String createStores() throws Exception {
		try (HostProcess host = HostProcess.start(jar, work, "setup")) {
			host.send("mapi:init\nmapi:logon alice\nmapi:logon bob\nmapi:open-store s1\nmapi:open-store s2\nmapi:folders ms1\nmapi:uninit\n");
			assertEquals(0, host.finish(STEP_TIMEOUT_SECONDS), host.transcript());
			Matcher inbox = INBOX_ENTRY_ID.matcher(host.out());
			if (!inbox.find()) {
				fail("no Inbox entry ID in\n" + host.transcript());
			}
			return inbox.group(1);
		}
	}

	private void writeBadFiles() throws IOException {
		Path etc = Files.createDirectories(work.resolve("etc"));
		Files.writeString(etc.resolve("org.mapihost.profile-broken.cfg"),
				"name = broken\nentries = store, nothing\nstore.provider = org.mapihost.sample.memstore\n");
		Files.writeString(etc.resolve("org.mapihost.profile-badprovider.cfg"),
				"name = badprovider\nentries = store\nstore.provider = org.example.nosuch\n");
		Files.writeString(etc.resolve("org.mapihost.profile-escape.cfg"), "name = escape\nbad = \\u12\n");

		Files.writeString(work.resolve("data/contacts.vcf"), String.join("\r\n",
				"BEGIN:VCARD", "VERSION:4.0", "FN:Bob Builder", "X-MAPIHOST-ADDRESS:PEER:bob", "END:VCARD",
				"BEGIN:VCARD", "VERSION:4.0", "FN:Alice Liddell", "X-MAPIHOST-ADDRESS:PEER:alice", "END:VCARD",
				"BEGIN:VCARD", "VERSION:4.0", "FN:Broken", "X-MAPIHOST-ADDRESS:nocolon", "END:VCARD",
				"BEGIN:VCARD", "VERSION:4.0", "FN;;;:", "EMAIL:",
				"BEGIN:VCARD", "") , StandardCharsets.UTF_8);

		Path bobInbox = work.resolve("data/bob/Maildir/new");
		Files.write(bobInbox.resolve("1700000000.garbage.host"), new byte[] { 'n', 'o', 't', ' ', 'm', 'a', 'i', 'l', 0, 1, (byte) 0xFF });
		byte[] random = new byte[3_000_000];
		new java.util.Random(7).nextBytes(random);
		Files.write(bobInbox.resolve("1700000001.random.host"), random);
	}

	private static String lengthAndHex(String name) {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		return String.format("%02X", bytes.length) + HexFormat.of().withUpperCase().formatHex(bytes);
	}

	/** Each case's answer appears after the previous case's, in standard output or error. */
	private static void assertAnswersInOrder(List<Case> cases, String out, String err) {
		List<String> missing = new ArrayList<>();
		int errAt = 0;
		int outAt = 0;
		for (Case c : cases) {
			boolean isError = c.answer().startsWith("Error: ");
			String text = isError ? err : out;
			int at = text.indexOf(c.answer(), isError ? errAt : outAt);
			if (at < 0) {
				missing.add(c.command().substring(0, Math.min(80, c.command().length())) + "  →  " + c.answer());
			} else if (isError) {
				errAt = at + c.answer().length();
			} else {
				outAt = at + c.answer().length();
			}
		}
		if (!missing.isEmpty()) {
			fail("answers missing or out of order:\n" + String.join("\n", missing) + "\n--- stderr:\n" + tail(err));
		}
	}

	private static void assertLogged(String err, String line) {
		assertTrue(err.contains(line), "the log says: " + line + "\n--- stderr:\n" + tail(err));
	}

	private void assertNothingOutsideTheDataFolder() throws IOException {
		try (Stream<Path> files = Files.walk(work)) {
			List<Path> passwd = files.filter(p -> p.getFileName().toString().equals("passwd")).toList();
			assertTrue(passwd.isEmpty(), "no crafted path reached the file system: " + passwd);
		}
	}

	/** A file that is not a message stays in Bob's Maildir (in new/ or, once seen, cur/), whole. */
	private void assertKept(String name, long size) throws IOException {
		try (Stream<Path> files = Files.walk(work.resolve("data/bob/Maildir"))) {
			List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(name)).toList();
			assertEquals(1, found.size(), name + " is in Bob's Maildir once: " + found);
			assertEquals(size, Files.size(found.get(0)), name + " is whole");
		}
	}

	private static String tail(String text) {
		return text.length() <= 8000 ? text : "...\n" + text.substring(text.length() - 8000);
	}
}

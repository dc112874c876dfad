package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipes the shipped scripts (host/scripts) into the host jar with {@code -Dmapihost.trace} and
 * checks that the trace file holds the calls of DESIGN.md §3 rules 1, 2 and 3 in their order.
 */
class ShutdownTraceIT {
	private static final Pattern CALL = Pattern.compile("\"seq\":(\\d+),(?:\"parent\":(\\d+),)?\"call\":\"([^\"]+)\".*\"flags\":\\[([^\\]]*)\\]");

	@TempDir
	Path work;

	private record Call(long seq, long parent, String name, String flags) {
	}

	@Test
	void storeLogoffOrderlyThenReleaseThenSessionLogoff() throws Exception {
		List<Call> trace = run("store-logoff-orderly.gosh");
		assertOrder(trace, List.of("MAPIInitialize", "MAPILogonEx", "IMAPISession::OpenMsgStore", "IMSProvider::Logon",
				"IMsgStore::StoreLogoff", "IMAPISupport::StoreLogoffTransports", "IMsgStore::Release", "IMAPISupport::Release",
				"MAPI::RemoveProviderUIDs", "MAPI::RemoveStatusRow", "IMSLogon::Logoff", "IMSLogon::Release",
				"IMAPISession::Logoff", "IXPLogon::TransportNotify", "IXPLogon::TransportLogoff", "IXPLogon::Release",
				"IXPProvider::Shutdown", "IXPProvider::Release", "IMSProvider::Shutdown", "IMSProvider::Release",
				"MAPIUninitialize"));
		Call slt = only(trace, "IMAPISupport::StoreLogoffTransports");
		assertEquals("\"LOGOFF_ORDERLY\"", slt.flags());
		assertEquals(only(trace, "IMsgStore::StoreLogoff").seq(), slt.parent(), "called from IMsgStore::StoreLogoff");
	}

	@Test
	void releaseWithoutStoreLogoffAbortsFromRelease() throws Exception {
		List<Call> trace = run("release-without-store-logoff.gosh");
		assertTrue(trace.stream().noneMatch(c -> c.name().equals("IMsgStore::StoreLogoff")));
		Call slt = only(trace, "IMAPISupport::StoreLogoffTransports");
		assertEquals("\"LOGOFF_ABORT\"", slt.flags());
		assertEquals(only(trace, "IMsgStore::Release").seq(), slt.parent(), "called from IMsgStore::Release");
		assertOrder(trace, List.of("IMsgStore::Release", "IMAPISupport::StoreLogoffTransports", "IMAPISupport::Release",
				"MAPI::RemoveProviderUIDs", "MAPI::RemoveStatusRow", "IMSLogon::Logoff", "IMSLogon::Release",
				"IMAPISession::Logoff", "IMSProvider::Shutdown", "IMSProvider::Release", "MAPIUninitialize"));
	}

	private List<Call> run(String script) throws Exception {
		Path scriptFile = Path.of("scripts", script).toAbsolutePath();
		Path traceFile = work.resolve("trace.jsonl");
		Path jar = Path.of(System.getProperty("mapihost.jar", "target/mapihost.jar")).toAbsolutePath();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dmapihost.trace=" + traceFile, "-jar", jar.toString()).directory(work.toFile())
				.redirectInput(Redirect.from(scriptFile.toFile())).redirectOutput(work.resolve("out.txt").toFile())
				.redirectError(work.resolve("err.txt").toFile()).start();
		assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the host did not end within 60 s");
		String err = read(work.resolve("err.txt"));
		assertEquals(0, process.exitValue(), () -> "exit code; stderr:\n" + err);
		List<Call> calls = new ArrayList<>();
		for (String line : Files.readAllLines(traceFile)) {
			Matcher m = CALL.matcher(line);
			assertTrue(m.find(), () -> "not a trace line: " + line);
			calls.add(new Call(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)), m.group(3), m.group(4)));
		}
		for (int i = 0; i < calls.size(); i++) {
			assertEquals(i + 1, calls.get(i).seq(), "lines are in seq order, without gaps");
		}
		assertTrue(calls.stream().noneMatch(c -> c.name().equals("Violation")), () -> "no violations: " + calls);
		return calls;
	}

	private static String read(Path file) throws java.io.IOException {
		return Files.exists(file) ? Files.readString(file) : "";
	}

	/** The expected calls occur in this order (other calls may come between them). */
	private static void assertOrder(List<Call> trace, List<String> expected) {
		long previous = 0;
		for (String name : expected) {
			long after = previous;
			Call call = trace.stream().filter(c -> c.name().equals(name) && c.seq() > after).findFirst()
					.orElseThrow(() -> new AssertionError(name + " does not follow seq " + after + " in " + trace));
			previous = call.seq();
		}
	}

	private static Call only(List<Call> trace, String name) {
		List<Call> matches = trace.stream().filter(c -> c.name().equals(name)).toList();
		assertEquals(1, matches.size(), () -> name + " once in " + trace);
		return matches.get(0);
	}
}

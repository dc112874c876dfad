package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's exposure, checked on mapihost.jar as a process: it opens no network listener on
 * its embedded defaults or with {@code --demo} (Linux: the process's sockets from {@code /proc});
 * the only code in the jar that could listen is known and off; and SMTP credentials appear in
 * none of what the host shows or writes: its output, its log (at DEBUG), the status table and
 * the trace file.
 */
class SecurityIT {
	private static final long TIMEOUT_SECONDS = 60;
	private static final String USERNAME = "smtp-user-Q7xK";
	private static final String PASSWORD = "Pw-9f3!zR@secret";
	/** Classes in the jar that mention a listening socket type, and why none of them listens. */
	private static final Set<String> KNOWN_LISTENER_CODE = Set.of(
			// the bnd launcher reports to an IDE over UDP only when launch.notificationPort >= 0 (-1 here, checked below)
			"biz.aQute.launcher!aQute/launcher/Launcher.class",
			"biz.aQute.launcher!aQute/launcher/plugin/ProjectLauncherImpl.class",
			// jline's telnet server: only a telnetd command starts it (default 127.0.0.1), and gogo.jline 1.1.8 registers none
			"jline!org/jline/builtins/telnet/PortListener.class",
			// commons-io embedded in the store: closeQuietly(ServerSocket), never called with one
			"org.mapihost.providers.store!org/apache/commons/io/IOUtils.class",
			// commons-net embedded in the SMTP transport: UDP client bases and socket factories of other protocols
			"org.mapihost.providers.transport.smtp!org/apache/commons/net/DatagramSocketClient.class",
			"org.mapihost.providers.transport.smtp!org/apache/commons/net/DatagramSocketFactory.class",
			"org.mapihost.providers.transport.smtp!org/apache/commons/net/DefaultDatagramSocketFactory.class",
			"org.mapihost.providers.transport.smtp!org/apache/commons/net/DefaultSocketFactory.class");
	private static final List<String> LISTENER_TYPES = List.of("java/net/ServerSocket", "java/nio/channels/ServerSocketChannel",
			"java/nio/channels/AsynchronousServerSocketChannel", "java/net/DatagramSocket", "java/nio/channels/DatagramChannel",
			"java/net/MulticastSocket", "com/sun/net/httpserver/");

	private static Path jar;

	@TempDir
	Path work;

	@BeforeAll
	static void findJar() {
		jar = Path.of(System.getProperty("mapihost.jar", "target/mapihost.jar")).toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "no " + jar + "; run mvn verify (bnd-export makes it in package)");
	}

	@Test
	void theListenerCheckSeesTheSocketsThisJvmOpens() throws IOException {
		assumeTrue(ListeningSockets.available(), "Linux /proc only");
		InetAddress loopback = InetAddress.getLoopbackAddress();
		try (ServerSocket tcp = new ServerSocket(0, 1, loopback); DatagramSocket udp = new DatagramSocket(0, loopback)) {
			List<String> listeners = ListeningSockets.of(ProcessHandle.current().pid());
			assertTrue(listeners.stream().anyMatch(l -> l.startsWith("tcp") && l.contains(" port " + tcp.getLocalPort() + " ")),
					listeners.toString());
			assertTrue(listeners.stream().anyMatch(l -> l.startsWith("udp") && l.contains(" port " + udp.getLocalPort() + " ")),
					listeners.toString());
		}
	}

	@Test
	void theHostWithItsSampleSetUpListensNowhereAndHasNoTelnetServer() throws Exception {
		assumeTrue(ListeningSockets.available(), "Linux /proc only");
		try (HostProcess host = HostProcess.start(jar, work, "defaults")) {
			host.send("mapi:init\nmapi:logon alice\nmapi:logon bob\nmapi:open-store s1\nmapi:open-store s2\n"
					+ "mapi:send ms1 Bob Hello \"from Alice\"\nmapi:contents ms2 Inbox 1\necho mail-went-round\n");
			awaitOut(host, "\nmail-went-round");
			assertEquals(List.of(), ListeningSockets.of(host.pid()), "listening sockets of the host");
			host.send("telnetd start\ngogo:telnetd start\necho asked-for-telnet\n");
			awaitOut(host, "\nasked-for-telnet");
			assertEquals(List.of(), ListeningSockets.of(host.pid()), "listening sockets after asking for a telnet server");
			host.send("mapi:store-logoff ms1 orderly\nmapi:release ms1\nmapi:store-logoff ms2 orderly\nmapi:release ms2\n"
					+ "mapi:logoff s1\nmapi:logoff s2\nmapi:uninit\n");
			assertEquals(1, host.finish(TIMEOUT_SECONDS), () -> "only the telnet commands fail\n" + transcript(host));
			assertTrue(host.err().contains("Command not found: telnetd"), () -> transcript(host));
			assertTrue(host.err().contains("Command not found: gogo:telnetd"), () -> transcript(host));
		}
	}

	@Test
	void theDemoListensNowhere() throws Exception {
		assumeTrue(ListeningSockets.available(), "Linux /proc only");
		Set<String> seen = new TreeSet<>();
		int samples = 0;
		try (HostProcess host = HostProcess.start(jar, work, "demo", List.of(), List.of("--demo"))) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			while (host.isAlive() && System.nanoTime() < deadline) {
				boolean running = host.out().contains("mapi> mapi:init");
				try {
					List<String> listeners = ListeningSockets.of(host.pid());
					if (running && host.isAlive()) {
						seen.addAll(listeners);
						samples++;
					}
				} catch (IOException e) {
					break; // its descriptors are gone: the host has exited and is not reaped yet
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
			assertEquals(0, host.finish(TIMEOUT_SECONDS), () -> transcript(host));
			assertTrue(host.out().contains("Lunch on Friday"), () -> transcript(host));
		}
		assertTrue(samples > 0, "no look at the host's sockets while the demo ran");
		assertEquals(Set.of(), seen, "listening sockets during the demo (" + samples + " looks)");
	}

	@Test
	void theOnlyCodeInTheJarThatCouldListenIsKnownAndOff() throws IOException {
		Set<String> found = new TreeSet<>();
		try (JarInputStream host = new JarInputStream(Files.newInputStream(jar))) {
			for (JarEntry entry = host.getNextJarEntry(); entry != null; entry = host.getNextJarEntry()) {
				if (entry.getName().startsWith("jar/") && entry.getName().endsWith(".jar")) {
					String bundle = entry.getName().substring(4).replaceFirst("-[0-9].*", "");
					scan(new JarInputStream(host), bundle, found);
				} else if (entry.getName().endsWith(".class") && mentionsListener(host.readAllBytes())) {
					found.add("mapihost.jar!" + entry.getName());
				} else if (entry.getName().equals("launcher.properties")) {
					String properties = new String(host.readAllBytes(), StandardCharsets.ISO_8859_1);
					assertTrue(properties.contains("launch.notificationPort=-1\n") || properties.contains("launch.notificationPort=-1\r"),
							"the launcher's UDP notifications are off:\n" + properties);
				}
			}
		}
		assertEquals(new TreeSet<>(KNOWN_LISTENER_CODE), found, "classes in mapihost.jar that mention a listening socket type");
	}

	@Test
	void smtpCredentialsAppearInNoOutputLogStatusRowOrTrace() throws Exception {
		Path trace = work.resolve("trace.jsonl");
		try (RefusingSmtpServer smtp = new RefusingSmtpServer()) {
			Files.createDirectories(work.resolve("etc"));
			Files.writeString(work.resolve("etc/org.mapihost.profile-mailer.cfg"), """
					name = mailer
					entries = store, smtp
					store.provider = org.mapihost.providers.store
					store.root = %s
					store.identityName = Alice
					store.identityAddress = PEER:alice
					smtp.provider = org.mapihost.providers.transport.smtp
					smtp.host = 127.0.0.1
					smtp.port = %d
					smtp.username = %s
					smtp.password = %s
					smtp.envelopeFrom = alice@example.org
					smtp.timeoutMillis = 5000
					""".formatted(work.resolve("data/mailer/Maildir"), smtp.port(), USERNAME, PASSWORD));
			try (HostProcess host = HostProcess.start(jar, work, "smtp",
					List.of("-Dmapihost.trace=" + trace, "-Dorg.osgi.service.log.admin.loglevel=DEBUG"), List.of())) {
				host.send("mapi:init\nmapi:logon mailer\nmapi:open-store s1\nmapi:send ms1 SMTP:bob@example.org Hello \"a body\"\n");
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
				while (!(smtp.lines.contains(plainAuth()) && host.out().contains("535"))) {
					if (!host.isAlive() || System.nanoTime() > deadline) {
						fail("no refused AUTH in the status table within " + TIMEOUT_SECONDS + " s; the server saw " + smtp.lines + "\n"
								+ transcript(host));
					}
					host.send("mapi:status s1\n");
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
				}
				host.send("mapi:trace\nmapi:store-logoff ms1 orderly\nmapi:release ms1\nmapi:logoff s1\nmapi:uninit\n");
				assertEquals(0, host.finish(TIMEOUT_SECONDS), () -> transcript(host));
				String out = host.out();
				String err = host.err();
				String traced = Files.readString(trace);
				assertTrue(out.contains("IXPLogon::SubmitMessage"), "mapi:trace printed the trace:\n" + out);
				assertTrue(traced.contains("IXPLogon::SubmitMessage"), "the trace file was written");
				assertTrue(err.contains("SMTP transport logged on"), "the log was shown at DEBUG:\n" + err);
				for (String secret : List.of(PASSWORD, USERNAME, base64(PASSWORD), base64(USERNAME), plainAuth())) {
					assertFalse(out.contains(secret), "standard output (commands, status rows, trace) shows " + secret);
					assertFalse(err.contains(secret), "standard error (the log) shows " + secret);
					assertFalse(traced.contains(secret), "the trace file shows " + secret);
				}
			}
		}
	}

	private static String plainAuth() {
		return base64("\0" + USERNAME + "\0" + PASSWORD);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void scan(JarInputStream bundle, String name, Set<String> found) throws IOException {
		for (JarEntry entry = bundle.getNextJarEntry(); entry != null; entry = bundle.getNextJarEntry()) {
			if (entry.getName().endsWith(".class") && mentionsListener(readAll(bundle))) {
				found.add(name + "!" + entry.getName());
			}
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toByteArray();
	}

	/** Whether the class file's constant pool names a listening socket type (names are stored as plain UTF-8). */
	private static boolean mentionsListener(byte[] classFile) {
		String text = new String(classFile, StandardCharsets.ISO_8859_1);
		return LISTENER_TYPES.stream().anyMatch(text::contains);
	}

	private static void awaitOut(HostProcess host, String text) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (!host.out().contains(text)) {
			if (!host.isAlive() || System.nanoTime() > deadline) {
				fail("no '" + text.strip() + "' in the host's output within " + TIMEOUT_SECONDS + " s\n" + transcript(host));
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
		}
	}

	private static String transcript(HostProcess host) {
		try {
			return host.transcript();
		} catch (IOException e) {
			return "(no transcript: " + e + ")";
		}
	}
}

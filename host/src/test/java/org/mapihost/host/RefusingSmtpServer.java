package org.mapihost.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on the loopback interface that offers {@code AUTH PLAIN} and refuses every
 * login with {@code 535}, and keeps every line its clients sent. Enough to make the SMTP
 * transport send its credentials and report a refusal. One thread per server, one connection
 * at a time; {@code lines} is thread-safe.
 */
final class RefusingSmtpServer implements AutoCloseable {
	final List<String> lines = new CopyOnWriteArrayList<>();
	private final ServerSocket server;
	private final Thread thread;

	RefusingSmtpServer() throws IOException {
		server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		thread = new Thread(this::serve, "refusing-smtp");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return server.getLocalPort();
	}

	private void serve() {
		while (!server.isClosed()) {
			try (Socket client = server.accept()) {
				client.setSoTimeout(10_000);
				talk(new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)),
						client.getOutputStream());
			} catch (IOException e) {
				// the client hung up or the server was closed: wait for the next one
			}
		}
	}

	private void talk(BufferedReader in, OutputStream out) throws IOException {
		reply(out, "220 localhost ESMTP refusing test server");
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			lines.add(line);
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO")) {
				reply(out, "250-localhost\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
			} else if (command.startsWith("HELO") || command.startsWith("RSET") || command.startsWith("NOOP")) {
				reply(out, "250 OK");
			} else if (command.equals("AUTH PLAIN")) {
				reply(out, "334 ");
				String credentials = in.readLine();
				lines.add(credentials);
				reply(out, "535 5.7.8 Authentication credentials invalid");
			} else if (command.startsWith("AUTH")) {
				reply(out, "535 5.7.8 Authentication credentials invalid");
			} else if (command.startsWith("QUIT")) {
				reply(out, "221 bye");
				return;
			} else {
				reply(out, "530 5.7.0 Authentication required");
			}
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws Exception {
		server.close();
		thread.join(10_000);
	}
}

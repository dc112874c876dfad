package org.mapihost.itests.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One GreenMail mailbox read over POP3 with the least of the protocol ({@code USER},
 * {@code PASS}, {@code STAT}, {@code RETR}, {@code QUIT}): what arrived, without deleting it.
 * Each call is a POP3 session of its own. Stateless apart from the account.
 */
final class Pop3Mailbox {
	private static final int TIMEOUT_MILLIS = 10_000;

	/** A message as it arrived: its Subject header and its body, with {@code \r\n} line ends. */
	record Mail(String subject, String body, String text) {
		static Mail parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String headers = end < 0 ? text : text.substring(0, end);
			String subject = headers.lines().filter(line -> line.regionMatches(true, 0, "Subject: ", 0, 9)).map(line -> line.substring(9))
					.findFirst().orElse(null);
			return new Mail(subject, end < 0 ? "" : text.substring(end + 4), text);
		}
	}

	private final String host;
	private final int port;
	private final String login;
	private final String password;

	Pop3Mailbox(String host, int port, String login, String password) {
		this.host = host;
		this.port = port;
		this.login = login;
		this.password = password;
	}

	List<Mail> messages() {
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			ok(in.readLine(), "greeting");
			command(in, out, "USER " + login);
			command(in, out, "PASS " + password);
			String stat = command(in, out, "STAT");
			int count = Integer.parseInt(stat.split(" ")[1]);
			List<Mail> mails = new ArrayList<>();
			for (int i = 1; i <= count; i++) {
				command(in, out, "RETR " + i);
				mails.add(Mail.parse(multiLine(in)));
			}
			command(in, out, "QUIT");
			return mails;
		} catch (IOException e) {
			throw new UncheckedIOException("POP3 at " + host + ":" + port + " as " + login, e);
		}
	}

	private static String command(BufferedReader in, OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return ok(in.readLine(), line.startsWith("PASS ") ? "PASS" : line);
	}

	private static String ok(String reply, String what) {
		if (reply == null || !reply.startsWith("+OK")) {
			throw new AssertionError("POP3 server answered " + what + " with " + reply);
		}
		return reply;
	}

	/** The lines up to the terminating ".", dot-unstuffed. */
	private static String multiLine(BufferedReader in) throws IOException {
		StringBuilder text = new StringBuilder();
		for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
			if (line == null) {
				throw new IOException("the POP3 server closed the connection inside a message");
			}
			text.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return login + " at " + host + ":" + port;
	}
}

package org.mapihost.itests.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on a free loopback port in front of GreenMail's SMTP port (after the transport's
 * unit-test WireTap): counts the connections the transport really opens, records what goes over
 * each in both directions and sees when each ends. {@link #goDown()} makes it a server that died:
 * it drops every connection and closes each new one at once, until {@link #comeBack()}. It
 * observes from outside, so the transport needs no test hooks. Concurrency: the link list is
 * copy-on-write, {@code down} volatile, each recording guarded by itself.
 */
final class Relay implements AutoCloseable {
	private final ServerSocket listener;
	private final int target;
	private final List<Link> links = new CopyOnWriteArrayList<>();
	private final List<Socket> turnedAway = new CopyOnWriteArrayList<>();
	private volatile boolean down;

	Relay(int target) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getByName(GreenMailProcess.HOST));
		this.target = target;
		Thread acceptor = new Thread(this::accept, "relay accept :" + listener.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return listener.getLocalPort();
	}

	String server() {
		return GreenMailProcess.HOST + ":" + port();
	}

	/** The connections relayed so far. */
	List<Link> links() {
		return List.copyOf(links);
	}

	/** How many connections were closed at once while down. */
	int turnedAway() {
		return turnedAway.size();
	}

	/** The server dies: every connection is dropped, and new ones are closed as soon as they come. */
	void goDown() {
		down = true;
		links.forEach(Link::close);
	}

	void comeBack() {
		down = false;
	}

	@Override
	public void close() throws IOException {
		listener.close();
		links.forEach(Link::close);
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (down) {
					turnedAway.add(client);
					client.close();
				} else {
					links.add(new Link(client, new Socket(InetAddress.getByName(GreenMailProcess.HOST), target)));
				}
			} catch (IOException e) {
				return;
			}
		}
	}

	/** One relayed connection. */
	static final class Link {
		private final Socket client;
		private final Socket server;
		private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
		private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
		private final CountDownLatch ended = new CountDownLatch(2);

		Link(Socket client, Socket server) throws IOException {
			this.client = client;
			this.server = server;
			pump(client.getInputStream(), server, fromClient, "client to server");
			pump(server.getInputStream(), client, fromServer, "server to client");
		}

		String clientText() {
			synchronized (fromClient) {
				return fromClient.toString(StandardCharsets.ISO_8859_1);
			}
		}

		String serverText() {
			synchronized (fromServer) {
				return fromServer.toString(StandardCharsets.ISO_8859_1);
			}
		}

		boolean isOpen() {
			return ended.getCount() > 0;
		}

		/** Waits until both directions have ended. */
		boolean awaitEnd(long timeoutMillis) throws InterruptedException {
			return ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
		}

		void close() {
			try {
				client.close();
				server.close();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		private void pump(InputStream in, Socket to, ByteArrayOutputStream record, String name) throws IOException {
			OutputStream out = to.getOutputStream();
			Thread thread = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try {
					for (int n; (n = in.read(buffer)) >= 0;) {
						synchronized (record) {
							record.write(buffer, 0, n);
						}
						out.write(buffer, 0, n);
						out.flush();
					}
					to.shutdownOutput();
				} catch (IOException e) {
					close();
				} finally {
					ended.countDown();
					if (ended.getCount() == 0) {
						close();
					}
				}
			}, "relay " + name);
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public String toString() {
			return (isOpen() ? "open" : "ended") + " link, client said:\n" + clientText();
		}
	}
}

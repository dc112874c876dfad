package org.mapihost.providers.transport.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on a free loopback port in front of the test server: counts the connections
 * the transport really opens, records what goes over each in both directions and sees
 * when each ends. It observes from outside, so the transport needs no test hooks.
 */
final class WireTap implements AutoCloseable {
	private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	private final int target;
	private final List<Link> links = new CopyOnWriteArrayList<>();

	WireTap(int target) throws IOException {
		this.target = target;
		Thread acceptor = new Thread(this::accept, "wiretap accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return listener.getLocalPort();
	}

	int connections() {
		return links.size();
	}

	Link link(int index) {
		return links.get(index);
	}

	/** Closes every connection, as a server does that drops idle clients. */
	void dropAll() {
		links.forEach(Link::close);
	}

	@Override
	public void close() throws IOException {
		listener.close();
		dropAll();
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
				links.add(new Link(client, server));
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
		boolean awaitEnd(Duration timeout) throws InterruptedException {
			return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
			}, "wiretap " + name);
			thread.setDaemon(true);
			thread.start();
		}
	}
}

package org.mapihost.providers.transport.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.providers.transport.peer.Peers.message;
import static org.mapihost.providers.transport.peer.Peers.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapihost.api.DeinitFlag;
import org.mapihost.api.MapiException;
import org.mapihost.api.NotifyFlag;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.TransportLogoffFlag;
import org.mapihost.api.provider.InboundMessage;
import org.mapihost.providers.testkit.RecordingSupport;

class PeerTransportProviderTest {
	private static final int AVAILABLE = StatusCode.STATUS_AVAILABLE.value();
	private static final int ENABLED = StatusCode.STATUS_INBOUND_ENABLED.value() | StatusCode.STATUS_OUTBOUND_ENABLED.value();

	@TempDir
	Path dropFolder;

	@Test
	void logonSetsTheStatusRowAndNotifyUpdatesIt() {
		Peers peers = new Peers(dropFolder);
		RecordingSupport support = peers.support("alice");
		PeerLogon logon = peers.logOn(support);
		StatusRow row = support.rows.get(0).merge(support.rows.get(1));
		assertEquals(List.of(0, StatusRowFlag.STATUSROW_UPDATE.value()), support.rowFlags);
		assertEquals(AVAILABLE, support.rows.get(0).integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Peer transport (mailbox alice)", row.string(StatusColumn.PR_DISPLAY_NAME));
		assertEquals(PeerTransportProvider.DISPLAY, row.string(StatusColumn.PR_PROVIDER_DISPLAY));
		assertEquals(AVAILABLE | ENABLED, row.integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Available, inbound and outbound enabled", row.string(StatusColumn.PR_STATUS_STRING));

		logon.transportNotify(NotifyFlag.NOTIFY_END_INBOUND.value() | NotifyFlag.NOTIFY_END_OUTBOUND.value());
		assertEquals(AVAILABLE, support.rows.get(2).integer(StatusColumn.PR_STATUS_CODE));
		assertEquals("Available", support.rows.get(2).string(StatusColumn.PR_STATUS_STRING));
	}

	@Test
	void transportLogoffReleasesTheSupportObjectLastAndOnce() {
		Peers peers = new Peers(dropFolder);
		RecordingSupport support = peers.support("alice");
		PeerLogon logon = peers.logOn(support);
		logon.transportLogoff(TransportLogoffFlag.LOGOFF_NORMAL.value());
		assertEquals("Release", support.lastCall());
		assertEquals(1, support.count("Release"));
		assertThrows(IllegalStateException.class, logon::poll);
		logon.release();
		assertEquals(1, support.count("Release"));
		assertThrows(IllegalStateException.class, logon::release);
	}

	@Test
	void shutdownLogsOffWhatIsStillLoggedOn() {
		Peers peers = new Peers(dropFolder);
		RecordingSupport support = peers.support("alice");
		peers.logOn(support);
		peers.provider.shutdown(DeinitFlag.DEINIT_NORMAL.value());
		assertEquals("Release", support.lastCall());
		assertTrue(peers.log.lines.stream().anyMatch(l -> l.startsWith("warn IXPProvider::Shutdown")));
		assertThrows(IllegalStateException.class, () -> peers.logOn("bob"));
	}

	@Test
	void badSettingsFailTheLogonAsUnconfigured() {
		Peers peers = new Peers(dropFolder);
		assertUnconfigured(peers, "'mailbox'", peers.support(""));
		assertUnconfigured(peers, "'mailbox' is '..'", peers.support(".."));
		assertUnconfigured(peers, "'mailbox' is 'Alice'", peers.support("Alice"));
		assertUnconfigured(peers, "'keepDeliveredDays' is 'soon'", peers.support("alice", PeerSettings.KEEP_DELIVERED_DAYS, "soon"));
		assertUnconfigured(peers, "'localDomain' is 'a b'", peers.support("alice", PeerSettings.LOCAL_DOMAIN, "a b"));
		assertUnconfigured(peers, "'dropFolder'", peers.support("alice", PeerSettings.DROP_FOLDER, " "));
	}

	private static void assertUnconfigured(Peers peers, String named, RecordingSupport support) {
		MapiException e = assertThrows(MapiException.class, () -> peers.logOn(support));
		assertEquals(ResultCode.MAPI_E_UNCONFIGURED, e.code());
		assertTrue(e.getMessage().contains(named), e.getMessage());
		assertEquals(0, support.count("Release"), "the runtime abandons the support object of a failed logon");
	}

	@Test
	void theSpoolerAndTheSessionMayCallAtTheSameTime() throws Exception {
		Peers peers = new Peers(dropFolder);
		PeerLogon alice = peers.logOn("alice");
		PeerLogon bob = peers.logOn("bob");
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			Future<?> sender = threads.submit(() -> {
				for (int i = 0; i < 200; i++) {
					alice.submitMessage(message("c" + i + "@alice"), List.of(peer("bob")));
				}
			});
			Future<Integer> receiver = threads.submit(() -> {
				int received = 0;
				while (received < 200 && !Thread.currentThread().isInterrupted()) {
					for (InboundMessage m : bob.poll()) {
						bob.delivered(m);
						received++;
					}
				}
				return received;
			});
			Future<?> session = threads.submit(() -> {
				for (int i = 0; i < 200; i++) {
					alice.transportNotify(NotifyFlag.NOTIFY_BEGIN_OUTBOUND.value());
					bob.transportNotify(NotifyFlag.NOTIFY_BEGIN_INBOUND.value());
				}
			});
			sender.get(30, TimeUnit.SECONDS);
			session.get(30, TimeUnit.SECONDS);
			assertEquals(200, receiver.get(30, TimeUnit.SECONDS));
			assertEquals(200, PeerLogonTest.files(dropFolder.resolve("bob/cur")).size());
		} finally {
			threads.shutdownNow();
		}
	}
}

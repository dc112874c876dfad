package org.mapihost.api.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.mapihost.api.EntryId;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiFlags;
import org.mapihost.api.MapiUid;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StoreLogoffFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.PropObject;
import org.mapihost.api.provider.ProviderSupport;
import org.junit.jupiter.api.Test;

class MessageStoreBaseTest {
	private static final int ORDERLY = StoreLogoffFlag.LOGOFF_ORDERLY.value();
	private static final int ABORT = StoreLogoffFlag.LOGOFF_ABORT.value();
	private static final int QUIET = StoreLogoffFlag.LOGOFF_QUIET.value();
	private static final int COMPLETE = StoreLogoffFlag.LOGOFF_COMPLETE.value();
	private static final int OUTBOUND = StoreLogoffFlag.LOGOFF_OUTBOUND.value();

	/** Records the store-related support calls, in one list shared with the store. */
	private static final class FakeSupport implements ProviderSupport {
		final List<String> calls;
		final Deque<Integer> answers = new ArrayDeque<>();
		RuntimeException transportsFailure;

		FakeSupport(List<String> calls) {
			this.calls = calls;
		}

		@Override
		public ProviderKind kind() {
			return ProviderKind.STORE;
		}

		@Override
		public ProfileSection openProfileSection() {
			return new ProfileSection("p", "store", "fake", Map.of());
		}

		@Override
		public MapiUid newUid() {
			return MapiUid.random();
		}

		@Override
		public void setProviderUid(MapiUid uid, int flags) {
			calls.add("setProviderUid");
		}

		@Override
		public void modifyStatusRow(StatusRow row, int flags) {
			calls.add("modifyStatusRow");
		}

		@Override
		public int storeLogoffTransports(int flag) {
			calls.add("storeLogoffTransports(" + String.join("|", MapiFlags.names(StoreLogoffFlag.class, flag)) + ")");
			if (transportsFailure != null) {
				throw transportsFailure;
			}
			return answers.isEmpty() ? COMPLETE : answers.poll();
		}

		@Override
		public void release() {
			calls.add("support.release");
		}
	}

	private static final class FakeStore extends MessageStoreBase {
		final List<String> calls;
		RuntimeException closeFailure;
		int logonReleases;

		FakeStore(FakeSupport support) {
			super(support);
			this.calls = support.calls;
		}

		@Override
		public PropObject openEntry(EntryId entryId, int flags) {
			throw new MapiException(ResultCode.MAPI_E_NOT_FOUND, "empty store");
		}

		@Override
		protected void closeStore() {
			calls.add("closeStore");
			if (closeFailure != null) {
				throw closeFailure;
			}
		}

		@Override
		protected void logonReleased() {
			logonReleases++;
		}
	}

	private final List<String> calls = new ArrayList<>();
	private final FakeSupport support = new FakeSupport(calls);
	private final FakeStore store = new FakeStore(support);

	@Test
	void storeLogoffThenReleaseCallsTransportsOnceWithTheClientsFlag() {
		assertEquals(COMPLETE, store.storeLogoff(ORDERLY));
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ORDERLY)"), calls);
		store.release();
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ORDERLY)", "closeStore", "support.release"), calls);
		assertTrue(store.isShutDown());
	}

	@Test
	void releaseWithoutStoreLogoffTakesTheAbortPath() {
		assertFalse(store.isShutDown());
		store.release();
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ABORT)", "closeStore", "support.release"), calls);
	}

	@Test
	void logonLogoffWithTheStoreOpenShutsItDownOnceAndReleaseDoesNothingMore() {
		assertSame(store, store.logon().store());
		store.logon().logoff(0);
		List<String> once = List.of("storeLogoffTransports(LOGOFF_ABORT)", "closeStore", "support.release");
		assertEquals(once, calls);
		assertTrue(store.isShutDown());

		store.release();
		store.logon().logoff(0);
		assertEquals(once, calls, "nothing more after the forced shutdown");
		store.logon().release();
		assertEquals(once, calls);
		assertEquals(1, store.logonReleases);
	}

	@Test
	void logonLogoffAfterStoreLogoffKeepsTheClientsFlag() {
		store.storeLogoff(ORDERLY);
		store.logon().logoff(0);
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ORDERLY)", "closeStore", "support.release"), calls);
	}

	@Test
	void logonLogoffAfterReleaseDoesNothing() {
		store.release();
		calls.clear();
		store.logon().logoff(0);
		assertEquals(List.of(), calls);
	}

	@Test
	void storeLogoffTurnedDownByTrafficDoesNotCount() {
		support.answers.add(OUTBOUND);
		assertEquals(OUTBOUND, store.storeLogoff(QUIET), "the output bits say which traffic");
		assertFalse(store.isShutDown(), "the store stays open");
		store.release();
		assertEquals(List.of("storeLogoffTransports(LOGOFF_QUIET)", "storeLogoffTransports(LOGOFF_ABORT)", "closeStore",
				"support.release"), calls);
	}

	@Test
	void aLaterStoreLogoffAfterATurnedDownOneCounts() {
		support.answers.add(OUTBOUND);
		store.storeLogoff(ABORT);
		assertEquals(COMPLETE, store.storeLogoff(ORDERLY));
		store.release();
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ABORT)", "storeLogoffTransports(LOGOFF_ORDERLY)",
				"closeStore", "support.release"), calls);
	}

	@Test
	void aSecondStoreLogoffDoesNotCallTransportsAgain() {
		store.storeLogoff(ORDERLY);
		assertEquals(COMPLETE, store.storeLogoff(ABORT));
		store.release();
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ORDERLY)", "closeStore", "support.release"), calls);
	}

	@Test
	void storeLogoffAfterShutdownDoesNotCallTransports() {
		store.release();
		calls.clear();
		assertEquals(COMPLETE, store.storeLogoff(ORDERLY));
		assertEquals(List.of(), calls);
	}

	@Test
	void releaseTwiceShutsDownOnce() {
		store.release();
		store.release();
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ABORT)", "closeStore", "support.release"), calls);
	}

	@Test
	void supportIsReleasedEvenWhenCloseStoreFails() {
		store.closeFailure = new IllegalStateException("disk gone");
		assertThrows(IllegalStateException.class, store::release);
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ABORT)", "closeStore", "support.release"), calls);
		store.release();
		assertEquals(3, calls.size(), "no second shutdown");
	}

	@Test
	void supportIsReleasedEvenWhenStoreLogoffTransportsFails() {
		support.transportsFailure = new MapiException(ResultCode.MAPI_E_CALL_FAILED, "spooler gone");
		assertThrows(MapiException.class, store::release);
		assertEquals(List.of("storeLogoffTransports(LOGOFF_ABORT)", "support.release"), calls);
		store.release();
		assertEquals(2, calls.size(), "no second shutdown");
	}

	@Test
	void needsASupportObject() {
		assertThrows(NullPointerException.class, () -> new FakeStore(null));
	}
}

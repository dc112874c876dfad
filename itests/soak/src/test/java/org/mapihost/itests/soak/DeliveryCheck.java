package org.mapihost.itests.soak;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StandardFolder;

/**
 * The no-loss check after the soak, with the hot updates stopped: each person logs on once more
 * and keeps the store open, so the spoolers send what is still queued and deliver what waits in
 * the drop folder. It polls the stores (bounded; never a speed) until every message a client
 * submitted is in the recipient's Inbox and in the sender's Sent Items, and the Outboxes are
 * empty — then counts copies: each must be there exactly once. Non-delivery reports and messages
 * nobody submitted are counted too; there should be none.
 */
final class DeliveryCheck {
	static final String NON_DELIVERY_SUBJECT = "Undeliverable:";
	private static final long POLL_MILLIS = 500;
	private static final int EXAMPLES = 10;

	/** What the stores hold for the submitted messages. */
	record Figures(long submitted, long inInboxOnce, long inSentItemsOnce, long duplicates, long missingFromInbox,
			long missingFromSentItems, long leftInOutboxes, long nonDeliveryReports, long notSubmitted, long waitedMillis,
			boolean complete, List<String> examples) {
		boolean noLoss() {
			return duplicates == 0 && missingFromInbox == 0 && missingFromSentItems == 0 && leftInOutboxes == 0 && nonDeliveryReports == 0
					&& notSubmitted == 0 && inInboxOnce == submitted && inSentItemsOnce == submitted;
		}

		@Override
		public String toString() {
			return String.format("submitted %d; exactly once in the recipient's Inbox %d, exactly once in the sender's Sent Items %d;"
					+ " duplicates %d; missing from the Inbox %d, from Sent Items %d; left in the Outboxes %d; non-delivery reports %d;"
					+ " messages nobody submitted %d; %s after %.1f s%s", submitted, inInboxOnce, inSentItemsOnce, duplicates,
					missingFromInbox, missingFromSentItems, leftInOutboxes, nonDeliveryReports, notSubmitted,
					complete ? "all there" : "gave up waiting", waitedMillis / 1000.0, examples.isEmpty() ? "" : "; e.g. " + examples);
		}
	}

	/** One poll of every store: how often each subject is in each folder, per person. */
	private record Snapshot(Map<String, Map<String, Integer>> inbox, Map<String, Map<String, Integer>> sentItems, int inOutboxes,
			List<String> nonDelivery) {
	}

	private final Mapi mapi;
	private final Map<String, String> recipientOf;
	private final SubmittedMessages submitted;
	private final Watchdog watchdog;

	/**
	 * @param recipientOf each sender's profile and the profile of the person it mails
	 */
	DeliveryCheck(Mapi mapi, Map<String, String> recipientOf, SubmittedMessages submitted, Watchdog watchdog) {
		this.mapi = mapi;
		this.recipientOf = Map.copyOf(recipientOf);
		this.submitted = submitted;
		this.watchdog = watchdog;
	}

	Figures awaitAllDelivered(long timeoutMillis) throws InterruptedException {
		Map<String, MapiSession> sessions = new LinkedHashMap<>();
		Map<String, MsgStore> stores = new LinkedHashMap<>();
		long began = System.nanoTime();
		try {
			for (String profile : recipientOf.keySet()) {
				MapiSession session = mapi.logon(profile, ClientCycles.LOGON_FLAGS);
				sessions.put(profile, session);
				stores.put(profile, session.openMsgStore("store", ClientCycles.STORE_FLAGS));
			}
			long deadline = began + timeoutMillis * 1_000_000;
			while (true) {
				Figures figures = count(read(stores), began);
				watchdog.tick();
				if (figures.complete() || System.nanoTime() - deadline >= 0) {
					return figures;
				}
				Thread.sleep(POLL_MILLIS);
			}
		} finally {
			stores.values().forEach(MsgStore::release);
			sessions.values().forEach(session -> {
				try {
					session.logoff(0);
				} finally {
					session.release();
				}
			});
		}
	}

	private Snapshot read(Map<String, MsgStore> stores) {
		Map<String, Map<String, Integer>> inbox = new HashMap<>();
		Map<String, Map<String, Integer>> sentItems = new HashMap<>();
		int inOutboxes = 0;
		List<String> nonDelivery = new ArrayList<>();
		for (Map.Entry<String, MsgStore> entry : stores.entrySet()) {
			MsgStore store = entry.getValue();
			Map<String, Integer> received = new HashMap<>();
			for (MessageRow row : store.contents(store.folder(StandardFolder.INBOX.displayName()))) {
				String subject = row.message().subject();
				if (subject.startsWith(NON_DELIVERY_SUBJECT)) {
					nonDelivery.add(entry.getKey() + ": " + subject + ": " + row.message().body().strip());
				} else {
					received.merge(subject, 1, Integer::sum);
				}
			}
			inbox.put(entry.getKey(), received);
			Map<String, Integer> sent = new HashMap<>();
			store.contents(store.folder(StandardFolder.SENT_ITEMS.displayName())).forEach(row -> sent.merge(row.message().subject(), 1, Integer::sum));
			sentItems.put(entry.getKey(), sent);
			inOutboxes += store.contents(store.folder(StandardFolder.OUTBOX.displayName())).size();
		}
		return new Snapshot(inbox, sentItems, inOutboxes, nonDelivery);
	}

	private Figures count(Snapshot snapshot, long began) {
		long inInboxOnce = 0;
		long inSentOnce = 0;
		long duplicates = 0;
		long missingFromInbox = 0;
		long missingFromSent = 0;
		List<String> examples = new ArrayList<>();
		for (Map.Entry<String, String> pair : recipientOf.entrySet()) {
			String sender = pair.getKey();
			Map<String, Integer> inbox = snapshot.inbox().get(pair.getValue());
			Map<String, Integer> sent = snapshot.sentItems().get(sender);
			BitSet cycles = submitted.cyclesOf(sender);
			for (int cycle = cycles.nextSetBit(0); cycle >= 0; cycle = cycles.nextSetBit(cycle + 1)) {
				String subject = SubmittedMessages.subject(sender, cycle);
				int received = inbox.getOrDefault(subject, 0);
				int inSent = sent.getOrDefault(subject, 0);
				inInboxOnce += received == 1 ? 1 : 0;
				inSentOnce += inSent == 1 ? 1 : 0;
				duplicates += Math.max(0, received - 1) + Math.max(0, inSent - 1);
				missingFromInbox += received == 0 ? 1 : 0;
				missingFromSent += inSent == 0 ? 1 : 0;
				if ((received != 1 || inSent != 1) && examples.size() < EXAMPLES) {
					examples.add("'" + subject + "' in the Inbox x" + received + ", in Sent Items x" + inSent);
				}
			}
		}
		List<String> notSubmitted = notSubmitted(snapshot);
		for (String text : snapshot.nonDelivery()) {
			if (examples.size() < EXAMPLES) {
				examples.add("non-delivery report " + text);
			}
		}
		for (String text : notSubmitted) {
			if (examples.size() < EXAMPLES) {
				examples.add("not submitted: " + text);
			}
		}
		boolean complete = missingFromInbox == 0 && missingFromSent == 0 && snapshot.inOutboxes() == 0;
		return new Figures(submitted.size(), inInboxOnce, inSentOnce, duplicates, missingFromInbox, missingFromSent, snapshot.inOutboxes(),
				snapshot.nonDelivery().size(), notSubmitted.size(), (System.nanoTime() - began) / 1_000_000, complete, List.copyOf(examples));
	}

	/** Messages in an Inbox or Sent Items that no client's SubmitMessage took, or from the wrong sender. */
	private List<String> notSubmitted(Snapshot snapshot) {
		List<String> found = new ArrayList<>();
		for (Map.Entry<String, String> pair : recipientOf.entrySet()) {
			String sender = pair.getKey();
			snapshot.sentItems().get(sender).keySet().forEach(subject -> {
				if (!submittedBy(sender, subject)) {
					found.add(sender + "'s Sent Items: '" + subject + "'");
				}
			});
			snapshot.inbox().get(pair.getValue()).keySet().forEach(subject -> {
				if (!submittedBy(sender, subject)) {
					found.add(pair.getValue() + "'s Inbox: '" + subject + "'");
				}
			});
		}
		return found;
	}

	private boolean submittedBy(String sender, String subject) {
		Optional<Map.Entry<String, Long>> parsed = SubmittedMessages.parse(subject);
		return parsed.isPresent() && parsed.get().getKey().equals(sender) && submitted.contains(sender, parsed.get().getValue());
	}
}

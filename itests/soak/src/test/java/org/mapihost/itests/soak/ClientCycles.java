package org.mapihost.itests.soak;

import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.mapihost.api.AddressBook;
import org.mapihost.api.EntryId;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.Message;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.StoreLogoffFlag;

/**
 * One client thread: session cycles until told to stop — MAPILogonEx, open the store, resolve
 * the peer through the address book, submit a message to it, StoreLogoff with a random flag or
 * none, release the store, log off, release the session. A logon refused because the transport
 * is being hot-unloaded at that moment ({@code MAPI_E_LOGON_FAILED} "… is being unloaded") is
 * counted; any other failure is unexpected.
 */
final class ClientCycles implements Runnable {
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	/** No StoreLogoff (null), or each input flag: chosen at random, each as often. */
	private static final List<StoreLogoffFlag> CHOICES = java.util.Arrays.asList(null, StoreLogoffFlag.LOGOFF_NO_WAIT,
			StoreLogoffFlag.LOGOFF_ORDERLY, StoreLogoffFlag.LOGOFF_PURGE, StoreLogoffFlag.LOGOFF_ABORT, StoreLogoffFlag.LOGOFF_QUIET);

	private final Mapi mapi;
	private final String profile;
	private final String peerName;
	private final Random random;
	private final ClientFigures figures;
	private final Watchdog watchdog;
	private final BooleanSupplier stop;

	ClientCycles(Mapi mapi, String profile, String peerName, long seed, ClientFigures figures, Watchdog watchdog, BooleanSupplier stop) {
		this.mapi = mapi;
		this.profile = profile;
		this.peerName = peerName;
		this.random = new Random(seed);
		this.figures = figures;
		this.watchdog = watchdog;
		this.stop = stop;
	}

	@Override
	public void run() {
		while (!stop.getAsBoolean()) {
			try {
				cycle();
			} catch (RuntimeException | Error e) {
				figures.unexpected(Thread.currentThread().getName() + ", profile " + profile, e);
			}
			watchdog.tick();
		}
	}

	void cycle() {
		long number = figures.cycles.incrementAndGet();
		MapiSession session;
		try {
			session = mapi.logon(profile, LOGON_FLAGS);
		} catch (MapiException e) {
			if (e.code() == ResultCode.MAPI_E_LOGON_FAILED && e.getMessage() != null && e.getMessage().contains("is being unloaded")) {
				figures.refused(e.getMessage());
				return;
			}
			throw e;
		}
		try {
			MsgStore store = session.openMsgStore("store", STORE_FLAGS);
			try {
				submit(store, resolvePeer(session), number);
				storeLogoff(store);
			} finally {
				store.release();
			}
			session.logoff(0);
		} finally {
			session.release();
		}
		figures.completed.incrementAndGet();
	}

	private Recipient resolvePeer(MapiSession session) {
		AddressBook addressBook = session.openAddressBook(0);
		try {
			return addressBook.resolveName(peerName).recipient();
		} finally {
			addressBook.release();
		}
	}

	private void submit(MsgStore store, Recipient to, long cycle) {
		String subject = SubmittedMessages.subject(profile, cycle);
		EntryId drafts = store.folders().stream().filter(f -> f.name().equals("Drafts")).map(f -> f.entryId()).findFirst()
				.orElseGet(() -> store.createFolder("Drafts"));
		EntryId draft = store.saveMessage(drafts, Message.draft(subject, null, List.of(to), "Soak message: " + subject));
		store.submitMessage(draft);
		figures.submitted.incrementAndGet();
		figures.messages.add(profile, cycle);
	}

	private void storeLogoff(MsgStore store) {
		StoreLogoffFlag flag = CHOICES.get(random.nextInt(CHOICES.size()));
		if (flag == null) {
			figures.storeLogoff("none");
			return;
		}
		int out = store.storeLogoff(flag.value());
		figures.storeLogoff(flag.name());
		if ((out & StoreLogoffFlag.LOGOFF_COMPLETE.value()) == 0) {
			figures.turnedDown.incrementAndGet();
		}
	}
}

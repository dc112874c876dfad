package org.mapihost.itests.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.mapihost.api.EntryId;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.api.ResultCode;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.itests.testkit.ConfigurationWaits;
import org.mapihost.itests.testkit.Trace;
import org.mapihost.itests.testkit.TraceWatch;
import org.mapihost.itests.valve.Valve;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What the mail tests share: the test bundle's {@link Mapi}, the trace and a watch on it,
 * profiles made here through ConfigurationAdmin (their folders differ per test), the valve
 * reset before each test, and every client uninitialized after it.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
abstract class MailTestSupport {
	static final long TIMEOUT = 20_000;
	static final String PROFILE_PID = "org.mapihost.profile";
	static final String STORE = "org.mapihost.providers.store";
	static final String ADDRESS_BOOK = "org.mapihost.providers.addressbook";
	static final String PEER = "org.mapihost.providers.transport.peer";
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	private static final AtomicInteger NAMES = new AtomicInteger();

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = TIMEOUT)
	Mapi mapi;
	@InjectService(timeout = TIMEOUT)
	ProtocolTrace trace;
	@InjectService(timeout = TIMEOUT)
	ConfigurationAdmin configurationAdmin;

	TraceWatch watch;

	@BeforeEach
	void openValveAndWatch() {
		Valve.reset();
		watch = TraceWatch.open(context, trace);
		mapi.initialize(0);
	}

	@AfterEach
	void uninitializeEveryClient() {
		Valve.reset();
		while (mapi.initializeCount() > 0) {
			mapi.uninitialize();
		}
		watch.close();
	}

	/** A profile of a Maildir store rooted in {@code root} and the valve transport; returns its name. */
	String storeAndValveProfile(Path root) {
		return profile(Map.of("entries", "store, xp",
				"store.provider", STORE, "store.root", root.toString(),
				"store.identityName", "Alice", "store.identityAddress", "VALVE:alice",
				"xp.provider", Valve.PROVIDER));
	}

	/** Makes a profile configuration under a fresh name, waits until the runtime has it, and returns the name. */
	String profile(Map<String, String> entries) {
		String name = "mail-" + NAMES.incrementAndGet();
		Hashtable<String, Object> properties = new Hashtable<>(entries);
		properties.put("name", name);
		try {
			Configuration configuration = configurationAdmin.getFactoryConfiguration(PROFILE_PID, name, "?");
			configuration.update(properties);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		awaitProfile(name);
		return name;
	}

	MapiSession logon(String profile) {
		return mapi.logon(profile, LOGON_FLAGS);
	}

	/** Saves a draft to {@code VALVE:<to>} in a Drafts folder and submits it; returns its Message subject. */
	static String submit(MsgStore store, String subject) {
		EntryId drafts = drafts(store);
		EntryId draft = store.saveMessage(drafts, Message.draft(subject, null, List.of(new Recipient("Valve", "VALVE", "somebody")),
				"Body of " + subject));
		store.submitMessage(draft);
		return subject;
	}

	static EntryId drafts(MsgStore store) {
		return store.folders().stream().filter(f -> f.name().equals("Drafts")).map(f -> f.entryId()).findFirst()
				.orElseGet(() -> store.createFolder("Drafts"));
	}

	static List<String> subjects(MsgStore store, String folder) {
		return store.contents(store.folder(folder)).stream().map(MessageRow::message).map(Message::subject).toList();
	}

	long mark() {
		return trace.lastSeq();
	}

	Trace since(long mark) {
		return new Trace(trace.since(mark));
	}

	static MapiException assertFails(ResultCode code, Executable call) {
		MapiException e = assertThrows(MapiException.class, call);
		assertEquals(code, e.code(), () -> "result of the call, with message: " + e.getMessage());
		return e;
	}

	static void assertHeld() throws InterruptedException {
		assertTrue(Valve.awaitHeld(TIMEOUT), "a message is held in the valve transport");
	}

	private void awaitProfile(String profile) {
		ConfigurationWaits.awaitProfile(context, configurationAdmin, profile, TIMEOUT);
	}
}

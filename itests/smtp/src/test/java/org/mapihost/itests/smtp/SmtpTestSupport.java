package org.mapihost.itests.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapihost.api.EntryId;
import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MdbFlag;
import org.mapihost.api.Message;
import org.mapihost.api.MessageRow;
import org.mapihost.api.MsgStore;
import org.mapihost.api.Recipient;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.trace.ProtocolTrace;
import org.mapihost.itests.testkit.ConfigurationWaits;
import org.mapihost.itests.testkit.Trace;
import org.mapihost.itests.testkit.TraceWatch;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What the SMTP tests share: one GreenMail process for the class, the test bundle's
 * {@link Mapi}, the trace and a watch on it, profiles of a Maildir store and the SMTP transport
 * made here through ConfigurationAdmin, and every client uninitialized after each test.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
abstract class SmtpTestSupport {
	static final long TIMEOUT = 20_000;
	static final String PROFILE_PID = "org.mapihost.profile";
	static final String STORE = "org.mapihost.providers.store";
	static final String SMTP = "org.mapihost.providers.transport.smtp";
	static final String DOMAIN = "example.org";
	static final String PASSWORD = "pw";
	/** GreenMail's accounts: one mailbox per test, so that no test sees another's mail. */
	static final List<String> MAILBOXES = List.of("arrives", "refused", "dropped");
	static final int LOGON_FLAGS = LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value();
	static final int STORE_FLAGS = MdbFlag.MDB_NO_DIALOG.value() | MdbFlag.MAPI_BEST_ACCESS.value();
	private static final AtomicInteger NAMES = new AtomicInteger();

	static GreenMailProcess greenMail;

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = TIMEOUT)
	Mapi mapi;
	@InjectService(timeout = TIMEOUT)
	ProtocolTrace trace;
	@InjectService(timeout = TIMEOUT)
	ConfigurationAdmin configurationAdmin;

	TraceWatch watch;

	@BeforeAll
	static void startGreenMail() {
		BundleContext bundle = FrameworkUtil.getBundle(SmtpTestSupport.class).getBundleContext();
		String users = String.join(",", MAILBOXES.stream().map(login -> login + ":" + PASSWORD + "@" + DOMAIN).toList());
		greenMail = GreenMailProcess.start(bundle.getProperty(GreenMailProcess.JAR_PROPERTY),
				bundle.getProperty(GreenMailProcess.LOG_PROPERTY), users, TIMEOUT);
	}

	@AfterAll
	static void stopGreenMail() {
		if (greenMail != null) {
			greenMail.close();
		}
	}

	@BeforeEach
	void openWatch() {
		watch = TraceWatch.open(context, trace);
		mapi.initialize(0);
	}

	@AfterEach
	void uninitializeEveryClient() {
		while (mapi.initializeCount() > 0) {
			mapi.uninitialize();
		}
		watch.close();
	}

	/** A profile of a Maildir store rooted in {@code root} for alice@example.org and the SMTP transport to {@code port}. */
	String storeAndSmtpProfile(Path root, int port) {
		return profile(Map.of("entries", "store, smtp",
				"store.provider", STORE, "store.root", root.toString(),
				"store.identityName", "Alice", "store.identityAddress", "SMTP:alice@" + DOMAIN,
				"smtp.provider", SMTP, "smtp.host", GreenMailProcess.HOST, "smtp.port", Integer.toString(port),
				"smtp.startTls", "none", "smtp.timeoutMillis", "5000"));
	}

	MapiSession logon(String profile) {
		return mapi.logon(profile, LOGON_FLAGS);
	}

	/** Saves a draft to {@code <mailbox>@example.org} in a Drafts folder and submits it. */
	static void submit(MsgStore store, String mailbox, String subject) {
		EntryId drafts = store.folders().stream().filter(f -> f.name().equals("Drafts")).map(f -> f.entryId()).findFirst()
				.orElseGet(() -> store.createFolder("Drafts"));
		EntryId draft = store.saveMessage(drafts, Message.draft(subject, null,
				List.of(new Recipient(mailbox, "SMTP", mailbox + "@" + DOMAIN)), body(subject)));
		store.submitMessage(draft);
	}

	static String body(String subject) {
		return "Body of " + subject;
	}

	static List<String> subjects(MsgStore store, String folder) {
		return store.contents(store.folder(folder)).stream().map(MessageRow::message).map(Message::subject).toList();
	}

	/** The SMTP transport's row of the session's status table. */
	static StatusRow smtpRow(MapiSession session) {
		List<StatusRow> rows = session.statusTable().stream()
				.filter(row -> row.string(StatusColumn.PR_DISPLAY_NAME).startsWith("SMTP transport (")).toList();
		assertEquals(1, rows.size(), () -> "one SMTP transport row in " + session.statusTable());
		return rows.get(0);
	}

	static String smtpStatus(MapiSession session) {
		return smtpRow(session).string(StatusColumn.PR_STATUS_STRING);
	}

	Pop3Mailbox mailbox(String login) {
		return greenMail.mailbox(login, PASSWORD);
	}

	/** Waits (bounded) until the mailbox holds {@code count} messages, and returns them. */
	static List<Pop3Mailbox.Mail> awaitMail(Pop3Mailbox mailbox, int count) {
		return Poll.until(count + " messages for " + mailbox, TIMEOUT, mailbox::messages, mails -> mails.size() >= count);
	}

	long mark() {
		return trace.lastSeq();
	}

	Trace since(long mark) {
		return new Trace(trace.since(mark));
	}

	/** Makes a profile configuration under a fresh name, waits until the runtime has it, and returns the name. */
	private String profile(Map<String, String> entries) {
		String name = "smtp-" + NAMES.incrementAndGet();
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

	private void awaitProfile(String profile) {
		ConfigurationWaits.awaitProfile(context, configurationAdmin, profile, TIMEOUT);
	}
}

package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Bad input in the providers folder: each is {@code FAILED} with a why, a logon that needs it
 * fails with {@code MAPI_E_LOGON_FAILED}, and the library beside it keeps serving.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "bad-good", properties = {
		@Property(key = "name", value = "bad-good"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.STORE) })
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "bad-corrupt", properties = {
		@Property(key = "name", value = "bad-corrupt"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.CORRUPT) })
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "bad-phantom", properties = {
		@Property(key = "name", value = "bad-phantom"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.PHANTOM) })
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "bad-unresolvable", properties = {
		@Property(key = "name", value = "bad-unresolvable"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = Library.UNRESOLVABLE) })
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "bad-unknown", properties = {
		@Property(key = "name", value = "bad-unknown"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = "org.mapihost.itests.nobody") })
class BadInputIT extends LibrariesTestSupport {

	@BeforeEach
	void initialize() {
		mapi.initialize(0);
	}

	@Test
	void aFileThatIsNotAJarIsFailedWithWhy() {
		LibraryInfo info = fromFile(Library.NOT_A_JAR_FILE);
		assertEquals(LibraryState.FAILED, info.state(), info::toString);
		assertMentions(info.failure(), "why " + Library.NOT_A_JAR_FILE + " failed", "jar", "zip", "manifest");
		assertLogged("a clear log line", Library.NOT_A_JAR_FILE);
		theLibraryKeepsServing();
	}

	@Test
	void aCorruptZipIsFailedWithWhyAndItsProviderCannotLogOn() {
		LibraryInfo info = fromFile(Library.CORRUPT_FILE);
		assertEquals(LibraryState.FAILED, info.state(), () -> "a jar cut short is failed when indexed (its manifest is whole, "
				+ "its central directory missing): " + info);
		assertMentions(info.failure(), "why " + Library.CORRUPT_FILE + " failed", "zip", "jar", "corrupt", "truncat", "header");
		assertLogged("a clear log line", Library.CORRUPT_FILE);
		assertStoreLogonFails("bad-corrupt");
		theLibraryKeepsServing();
	}

	@Test
	void aJarWithoutTheProviderCapabilityIsFailedWithWhy() {
		LibraryInfo info = fromFile(Library.PLAIN_FILE);
		assertEquals(LibraryState.FAILED, info.state(), info::toString);
		assertMentions(info.failure(), "why " + Library.PLAIN_FILE + " failed", "capabilit", "org.mapihost.provider", "no provider");
		assertLogged("a clear log line", Library.PLAIN_FILE);
		assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> Library.PLAIN_BSN.equals(b.getSymbolicName())),
				"never installed");
		theLibraryKeepsServing();
	}

	@Test
	void aProviderThatIsNeverRegisteredFailsTheLogonAfterTheBoundedWait() {
		LibraryInfo before = library(Library.PHANTOM);
		assertEquals(ProviderKind.STORE, before.kind(), before::toString);
		assertEquals(LibraryState.AVAILABLE, before.state(), () -> "its manifest is fine: " + before);
		awaitProfile("bad-phantom");

		long start = mark();
		long began = System.nanoTime();
		assertStoreLogonFails("bad-phantom");
		long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
		assertTrue(waited >= SERVICE_WAIT_MILLIS - 100, () -> "the logon waited serviceWaitMillis for the provider, "
				+ "but failed after " + waited + " ms");
		assertTrue(waited < SERVICE_WAIT_MILLIS + 5_000, () -> "the logon's wait is bounded by serviceWaitMillis ("
				+ SERVICE_WAIT_MILLIS + " ms), but took " + waited + " ms");
		LibraryInfo after = library(Library.PHANTOM);
		assertEquals(LibraryState.FAILED, after.state(), after::toString);
		assertMentions(after.failure(), "why " + Library.PHANTOM + " failed", "regist", "service", "never", "wait");
		assertLogged("a clear log line", Library.PHANTOM);
		Trace slice = since(start);
		assertEquals(1, slice.all(e -> e.call().equals("LoadLibrary") && Library.PHANTOM.equals(e.provider())).size(),
				() -> "one LoadLibrary:\n" + slice);
		theLibraryKeepsServing();
	}

	@Test
	void aJarWhoseImportsCannotResolveFailsTheLogonWithTheFrameworksWhy() {
		assertStoreLogonFails("bad-unresolvable");
		LibraryInfo info = library(Library.UNRESOLVABLE);
		assertEquals(LibraryState.FAILED, info.state(), info::toString);
		assertMentions(info.failure(), "why " + Library.UNRESOLVABLE + " failed", Library.NOWHERE_PACKAGE);
		assertLogged("a clear log line", Library.NOWHERE_PACKAGE);
		theLibraryKeepsServing();
	}

	@Test
	void twoJarsClaimingOneProviderNameAreFailedWithWhy() {
		List<LibraryInfo> claims = libraries.libraries().stream().filter(info -> Library.DUP.equals(info.name())
				|| info.location() != null && (info.location().endsWith(Library.DUP_A_FILE) || info.location().endsWith(Library.DUP_B_FILE)))
				.toList();
		assertFalse(claims.isEmpty(), () -> "the runtime lists the claims of " + Library.DUP + ": " + libraries.libraries());
		assertTrue(claims.stream().anyMatch(info -> info.state() == LibraryState.FAILED && info.failure() != null
				&& (info.failure().contains(Library.DUP) || info.failure().contains("dup-a") || info.failure().contains("dup-b"))),
				() -> "a claim is failed, naming the name or the other jar: " + claims);
		assertLogged("a clear log line", Library.DUP);
		theLibraryKeepsServing();
	}

	@Test
	void aProviderNobodyDeclaresFailsTheLogonAsNotAvailable() {
		MapiException failure = assertStoreLogonFails("bad-unknown");
		assertMentions(failure.getMessage(), "the logon's failure", "not available");
		theLibraryKeepsServing();
	}

	/** The library beside the bad input logs on, opens its store and serves it. */
	private void theLibraryKeepsServing() {
		MapiSession session = logon("bad-good");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		MapiEntry root = store.openEntry(null, 0);
		assertEquals("1.0.0", root.properties().get(Library.VERSION));
		root.release();
		store.release();
		session.logoff(0);
		session.release();
	}
}

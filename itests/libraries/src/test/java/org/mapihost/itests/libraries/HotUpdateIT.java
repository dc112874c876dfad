package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.recording.RecordingProviders;
import org.mapihost.itests.testkit.Trace;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * Rule 5's update: the library bundle is updated to version 2 while its store and transport are
 * in use. Their logons are hot-unloaded, the session lives on, and new logons are served by
 * version 2.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-update", properties = {
		@Property(key = "name", value = "lib-update"),
		@Property(key = "entries", value = "xp, store, other"),
		@Property(key = "xp.provider", value = Library.XP),
		@Property(key = "store.provider", value = Library.STORE),
		@Property(key = "other.provider", value = RecordingProviders.STORE) })
class HotUpdateIT extends LibrariesTestSupport {

	@Test
	void updatingTheLibraryBundleServesNewLogonsWithVersion2() throws Exception {
		mapi.initialize(0);
		MapiSession session = logon("lib-update");
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		MsgStore other = session.openMsgStore("other", STORE_FLAGS);
		assertServedBy("1.0.0", session, store);
		Bundle bundle = libraryBundle().orElseThrow();

		long start = mark();
		try (InputStream v2 = Files.newInputStream(Library.fixture("library-v2.jar"))) {
			bundle.update(v2);
		}
		Trace slice = watch.awaitSlice(start, "the hot unload of the store and the transport", TIMEOUT,
				t -> hotUnloadOf(t, Library.STORE) != null && hotUnloadOf(t, Library.XP) != null);
		assertEquals(new Version(2, 0, 0), bundle.getVersion());
		assertEquals(1, slice.subtree(hotUnloadOf(slice, Library.STORE)).count("IMSLogon::Logoff"), slice::toString);
		assertEquals(1, slice.subtree(hotUnloadOf(slice, Library.XP)).count("IXPLogon::TransportLogoff"), slice::toString);
		assertEquals(List.of(), slice.violations(), slice::toString);
		assertFalse(store.isValid(), "the old version's store is gone");
		assertTrue(other.isValid(), "the session lives on with the rest");
		assertEquals(0, store.release());

		long servedFrom = mark();
		MsgStore updated = session.openMsgStore("store", STORE_FLAGS);
		assertServedBy("2.0.0", session, updated);
		MapiSession fresh = mapi.logon("lib-update", LOGON_FLAGS);
		assertTrue(fresh.statusTable().stream().anyMatch(row -> row.string(StatusColumn.PR_PROVIDER_DISPLAY)
				.equals("Library transport 2.0.0")), () -> "the new session's transport is version 2: " + fresh.statusTable());
		assertTrue(updated.isValid() && fresh.isValid(), "what version 2 serves stays open");
		assertEquals(List.of(), since(servedFrom).all("MAPI::HotUnload"), () -> "nothing of version 2 is hot-unloaded after it "
				+ "served (say, by a refresh of the updated bundle):\n" + since(start));
		fresh.logoff(0);
		fresh.release();
		updated.release();
		other.release();
		session.logoff(0);
		session.release();
		mapi.uninitialize();
		awaitFreeLibrary(start);
	}

	private static TraceEvent hotUnloadOf(Trace slice, String provider) {
		return slice.all(e -> e.call().equals("MAPI::HotUnload") && provider.equals(e.provider())).stream().findFirst().orElse(null);
	}

	private static void assertServedBy(String version, MapiSession session, MsgStore store) {
		MapiEntry root = store.openEntry(null, 0);
		assertEquals(version, root.properties().get(Library.VERSION), "the version that serves the store");
		root.release();
		assertTrue(session.statusTable().stream().anyMatch(row -> row.string(StatusColumn.PR_PROVIDER_DISPLAY)
				.equals(Library.STORE_DISPLAY + " " + version)), () -> "status row of version " + version + ": " + session.statusTable());
	}
}

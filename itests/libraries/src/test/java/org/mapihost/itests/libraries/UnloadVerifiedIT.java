package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapihost.api.MapiEntry;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.admin.LeakReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * FreeLibrary leaves nothing behind: no removal-pending bundle, the old bundle class loader
 * collected, and a clean leak report.
 */
@WithFactoryConfiguration(factoryPid = LibrariesTestSupport.PROFILE_PID, name = "lib-verified", properties = {
		@Property(key = "name", value = "lib-verified"),
		@Property(key = "entries", value = "xp, ab, store"),
		@Property(key = "xp.provider", value = Library.XP),
		@Property(key = "ab.provider", value = Library.AB),
		@Property(key = "store.provider", value = Library.STORE) })
class UnloadVerifiedIT extends LibrariesTestSupport {
	private static final int GC_ATTEMPTS = 20;

	@Test
	void afterFreeLibraryNothingIsPendingAndTheOldClassLoaderIsCollected() {
		awaitProfile("lib-verified");
		LeakReport before = libraries.leaks();
		mapi.initialize(0);
		long start = mark();
		WeakReference<ClassLoader> loader = useTheLibrary();
		mapi.uninitialize();
		awaitFreeLibrary(start);

		assertTrue(libraryBundle().isEmpty(), "uninstalled");
		FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
		assertEquals(List.of(), wiring.getRemovalPendingBundles().stream().map(Bundle::toString).toList(),
				"removal-pending bundles");
		for (int attempt = 0; attempt < GC_ATTEMPTS && loader.get() != null; attempt++) {
			System.gc();
		}
		assertNull(loader.get(), "the old bundle class loader is collected");
		LeakReport leaks = libraries.leaks();
		if (before.isClean()) {
			assertTrue(leaks.isClean(), leaks::toString);
		} else {
			// An earlier test that failed midway left its handles behind: judge only what this test added.
			assertEquals(List.of(), added(before, leaks), () -> "new leaks; before the test " + before);
		}
	}

	private static List<String> added(LeakReport before, LeakReport after) {
		List<String> added = new ArrayList<>();
		List<List<String>> was = List.of(before.providerObjects(), before.logons(), before.supportObjects(), before.clientHandles(),
				before.removalPendingBundles(), before.reachableClassLoaders());
		List<List<String>> is = List.of(after.providerObjects(), after.logons(), after.supportObjects(), after.clientHandles(),
				after.removalPendingBundles(), after.reachableClassLoaders());
		for (int i = 0; i < is.size(); i++) {
			List<String> old = was.get(i);
			is.get(i).stream().filter(leak -> !old.contains(leak)).forEach(added::add);
		}
		return added;
	}

	/** Logs on, opens a store, an entry and the address book, lets go of all; returns the library's class loader, weakly. */
	private WeakReference<ClassLoader> useTheLibrary() {
		MapiSession session = mapi.logon("lib-verified", LOGON_FLAGS);
		MsgStore store = session.openMsgStore("store", STORE_FLAGS);
		MapiEntry entry = store.openEntry(null, 0);
		assertEquals("1.0.0", entry.properties().get(Library.VERSION));
		session.openAddressBook(0).release();
		Bundle bundle = libraryBundle().orElseThrow(() -> new AssertionError("the library is loaded: "
				+ Arrays.toString(context.getBundles())));
		WeakReference<ClassLoader> loader = new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader());
		assertTrue(loader.get() != null);
		entry.release();
		store.release();
		session.logoff(0);
		session.release();
		return loader;
	}
}

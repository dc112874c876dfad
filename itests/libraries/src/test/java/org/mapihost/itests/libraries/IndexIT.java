package org.mapihost.itests.libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mapihost.api.ProviderKind;
import org.mapihost.api.admin.LibraryInfo;
import org.mapihost.api.admin.LibraryState;
import org.mapihost.itests.recording.RecordingProviders;
import org.osgi.framework.Bundle;

/**
 * The providers folder is our MAPISVC.INF: the runtime indexes it from manifests alone, and lists
 * provider bundles installed the ordinary way beside it.
 */
class IndexIT extends LibrariesTestSupport {

	@Test
	void theProvidersFolderIsIndexedFromManifestsWithoutInstallingAnything() {
		Map<String, ProviderKind> kinds = Map.of(Library.STORE, ProviderKind.STORE, Library.AB, ProviderKind.ADDRESS_BOOK,
				Library.XP, ProviderKind.TRANSPORT);
		for (String name : Library.PROVIDERS) {
			LibraryInfo info = library(name);
			assertEquals(LibraryState.AVAILABLE, info.state(), info::toString);
			assertEquals(kinds.get(name), info.kind(), info::toString);
			assertEquals("1.0.0", info.version(), info::toString);
			assertEquals(0, info.logons(), info::toString);
			assertEquals(-1, info.bundleId(), () -> "not installed: " + info);
			assertTrue(info.location() != null && info.location().endsWith(Library.FILE), info::toString);
			assertEquals(null, info.failure(), info::toString);
		}
		assertEquals(Library.STORE_DISPLAY, library(Library.STORE).display());
		assertTrue(libraryBundle().isEmpty(), "indexing installs nothing");
		assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> Library.PLAIN_BSN.equals(b.getSymbolicName())),
				"indexing installs nothing, bad input neither");
	}

	@Test
	void providerBundlesInstalledTheOrdinaryWayAreListedToo() {
		Bundle recordingBundle = Arrays.stream(context.getBundles())
				.filter(b -> RecordingProviders.BUNDLE.equals(b.getSymbolicName())).findFirst().orElseThrow();
		for (String name : new String[] { RecordingProviders.STORE, RecordingProviders.AB, RecordingProviders.XP }) {
			LibraryInfo info = library(name);
			assertEquals(recordingBundle.getBundleId(), info.bundleId(), info::toString);
			assertEquals(LibraryState.LOADED, info.state(), () -> "installed and started, no logon: " + info);
		}
	}
}

package org.mapihost.itests.libraries;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.FrameworkUtil;

/**
 * What the tests know of the fixture library ({@code itests/library-v1}, {@code library-v2}) and
 * the bad inputs in the providers folder. The names are repeated here, not imported: the test
 * bundle must not be wired to the library, or unloading the library would refresh the tests.
 */
final class Library {
	/** The library's bundle symbolic name, the same in both versions. */
	static final String BSN = "org.mapihost.itests.library";
	/** The trace's {@code object} of LoadLibrary / FreeLibrary for version 1. */
	static final String V1_OBJECT = BSN + "_1.0.0";
	static final String STORE = "org.mapihost.itests.lib.store";
	static final String AB = "org.mapihost.itests.lib.ab";
	static final String XP = "org.mapihost.itests.lib.xp";
	static final List<String> PROVIDERS = List.of(STORE, AB, XP);
	/** The display names the library's status rows start with ({@code PR_PROVIDER_DISPLAY} is "… <version>"). */
	static final String STORE_DISPLAY = "Library store";
	/** The property of an opened object that names the version that served it. */
	static final String VERSION = "version";
	/** The library's file in the providers folder. */
	static final String FILE = "library.jar";

	/** Bad inputs in the providers folder (see the pom and src/test/providers). */
	static final String NOT_A_JAR_FILE = "not-a-jar.jar";
	static final String CORRUPT_FILE = "corrupt.jar";
	static final String CORRUPT = "org.mapihost.itests.bad.corrupt";
	static final String PLAIN_FILE = "plain.jar";
	static final String PLAIN_BSN = "org.mapihost.itests.bad.plain";
	static final String PHANTOM = "org.mapihost.itests.bad.phantom";
	static final String UNRESOLVABLE = "org.mapihost.itests.bad.unresolvable";
	/** The package the unresolvable bundle imports and nobody exports. */
	static final String NOWHERE_PACKAGE = "org.mapihost.itests.nowhere";
	static final String DUP = "org.mapihost.itests.bad.dup";
	static final String DUP_A_FILE = "dup-a.jar";
	static final String DUP_B_FILE = "dup-b.jar";

	private Library() {
	}

	/** A fixture jar outside the providers folder: {@code library-v1.jar}, {@code library-v2.jar}. */
	static Path fixture(String file) {
		String folder = FrameworkUtil.getBundle(Library.class).getBundleContext().getProperty("mapihost.itests.fixtures");
		if (folder == null) {
			throw new IllegalStateException("the framework property mapihost.itests.fixtures is not set (see libraries.bndrun)");
		}
		return Path.of(folder, file);
	}
}

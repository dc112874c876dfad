package org.mapihost.host.providers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Has Felix FileInstall watch the providers folder (framework property {@value #FOLDER_PROPERTY},
 * default {@value #DEFAULT_FOLDER}, relative to the working directory): creates the folder if it
 * is missing and a second FileInstall watcher for it, the named factory configuration
 * {@value #FACTORY_PID}{@code ~}{@value #CONFIGURATION_NAME}. FileInstall's default watcher
 * keeps {@code etc/} for the profiles.
 * <p>
 * The runtime's {@link ArtifactInstaller} claims every file of the folder, so FileInstall hands
 * new, changed and deleted files to the runtime and never installs a jar there itself. That
 * holds only while the installer is registered: FileInstall installs (and by default starts)
 * any jar with a {@code Bundle-SymbolicName} that no installer claims. So this component
 * depends on the runtime's installer: the watcher is created once the installer is there (its
 * first scan, at once, then hands the folder's files to the runtime) and deleted when the
 * installer goes. For the short moment between the two, the watcher is told not to start new
 * bundles.
 * <p>
 * Timing ({@value #POLL_PROPERTY}, default {@value #DEFAULT_POLL_MILLIS} ms): FileInstall reports a
 * new or changed file only when two polls in a row see the same size and modification time, so
 * a jar is handed over between one and two poll intervals after its last write, never while a
 * copy is still making it grow; a deleted file is reported at the next poll.
 * <p>
 * Immutable after activation, except {@code configuration}, which only activate and
 * deactivate touch (DS serializes them).
 */
@Component(service = ProvidersWatcher.class, immediate = true)
public class ProvidersWatcher {
	/** Framework property: the providers folder (the runtime reads it too). */
	public static final String FOLDER_PROPERTY = "mapihost.providers";
	static final String DEFAULT_FOLDER = "providers";
	/** Framework property: FileInstall's poll interval for the providers folder, in milliseconds. */
	public static final String POLL_PROPERTY = "mapihost.providers.poll";
	static final long DEFAULT_POLL_MILLIS = 500;

	/** FileInstall's ManagedServiceFactory: one watcher per factory configuration. */
	static final String FACTORY_PID = "org.apache.felix.fileinstall";
	static final String CONFIGURATION_NAME = "mapihost.providers";

	// FileInstall 3.7.4's watcher properties (DirectoryWatcher's constants)
	static final String DIR = "felix.fileinstall.dir";
	static final String POLL = "felix.fileinstall.poll";
	static final String NO_INITIAL_DELAY = "felix.fileinstall.noInitialDelay";
	static final String START_NEW_BUNDLES = "felix.fileinstall.bundles.new.start";
	static final String SUBDIR_MODE = "felix.fileinstall.subdir.mode";

	/** The runtime's installer for the providers folder (a DS component of the runtime bundle). */
	static final String RUNTIME_INSTALLER = "(component.name=org.mapihost.runtime.*)";

	@Reference
	ConfigurationAdmin configurationAdmin;

	@Reference(service = LoggerFactory.class)
	Logger log;

	/**
	 * Only a dependency: FileInstall calls the installer, this component never does. Without it
	 * FileInstall would install the folder's jars as plain bundles.
	 */
	@Reference(target = RUNTIME_INSTALLER)
	ArtifactInstaller runtimeInstaller;

	private Path folder;
	private Configuration configuration;

	@Activate
	void activate(BundleContext context) throws IOException {
		folder = folder(context.getProperty(FOLDER_PROPERTY));
		long poll = pollMillis(context.getProperty(POLL_PROPERTY));
		if (poll <= 0) {
			log.warn("{}={} is not a positive number of milliseconds; using {}", POLL_PROPERTY,
					context.getProperty(POLL_PROPERTY), DEFAULT_POLL_MILLIS);
			poll = DEFAULT_POLL_MILLIS;
		}
		if (!Files.isDirectory(folder)) {
			// FileInstall does not create a missing folder: its watcher would warn and see nothing
			try {
				Files.createDirectories(folder);
				log.info("Created the providers folder {}", folder);
			} catch (IOException e) {
				log.error("The providers folder {} cannot be created ({}); it is not watched: no hot deploy, update or unload",
						folder, e.toString());
				return;
			}
		}
		configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, CONFIGURATION_NAME, "?");
		configuration.updateIfDifferent(watcherProperties(folder, poll));
		log.info("FileInstall watches the providers folder {} every {} ms (configuration {})", folder, poll,
				configuration.getPid());
	}

	@Deactivate
	void deactivate() {
		Configuration watcher = configuration;
		configuration = null;
		if (watcher == null) {
			return;
		}
		try {
			watcher.delete();
		} catch (IOException | IllegalStateException e) { // ConfigAdmin going away too: nothing left to stop
			log.debug("Could not delete the providers watcher {}: {}", CONFIGURATION_NAME, e.toString());
		}
	}

	/** @return the providers folder, absolute */
	public Path folder() {
		return folder;
	}

	/** @return the folder the property names (relative to the working directory), absolute and normalized */
	static Path folder(String property) {
		String name = property == null || property.isBlank() ? DEFAULT_FOLDER : property.trim();
		return Path.of(name).toAbsolutePath().normalize();
	}

	/** @return the poll interval the property gives, the default when it gives none, -1 when it is bad */
	static long pollMillis(String property) {
		if (property == null || property.isBlank()) {
			return DEFAULT_POLL_MILLIS;
		}
		try {
			long millis = Long.parseLong(property.trim());
			return millis > 0 ? millis : -1;
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	/**
	 * The watcher's configuration. No {@code felix.fileinstall.filter}: the runtime claims every
	 * file, and a file that is no provider jar shows as failed in {@code mapi:providers}.
	 * Subfolders are skipped: FileInstall would jar each one up in a temporary folder, where the
	 * runtime does not claim it, and install it as a bundle itself.
	 */
	static Dictionary<String, Object> watcherProperties(Path folder, long pollMillis) {
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(DIR, folder.toString());
		properties.put(POLL, Long.toString(pollMillis));
		properties.put(NO_INITIAL_DELAY, "true");
		properties.put(START_NEW_BUNDLES, "false");
		properties.put(SUBDIR_MODE, "skip");
		return properties;
	}
}

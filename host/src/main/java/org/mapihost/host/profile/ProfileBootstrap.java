package org.mapihost.host.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Makes sure a newcomer can log on at once: creates the embedded profile {@code default}
 * ({@value #EMBEDDED}, beside this class) as the factory configuration
 * {@code org.mapihost.profile~default} unless a profile named {@code default} already exists
 * in ConfigAdmin or in FileInstall's folder. The configuration PID is the one FileInstall gives
 * {@code etc/org.mapihost.profile-default.cfg}, so the two can never both exist.
 * <p>
 * Also tells the script runner which profile configurations to wait for before a script starts.
 * Immutable after activation.
 */
@Component(service = ProfileBootstrap.class, immediate = true)
public class ProfileBootstrap {
	static final String FACTORY_PID = "org.mapihost.profile";
	static final String DEFAULT_PROFILE = "default";
	static final String EMBEDDED = FACTORY_PID + "-" + DEFAULT_PROFILE + ".cfg";
	/** FileInstall's folder property; the host's default is {@value #DEFAULT_FOLDER}. */
	static final String FOLDER_PROPERTY = "felix.fileinstall.dir";
	static final String DEFAULT_FOLDER = "etc";

	@Reference
	ConfigurationAdmin configurationAdmin;

	@Reference(service = LoggerFactory.class)
	Logger log;

	private final Set<String> expectedPids = new TreeSet<>();

	@Activate
	void activate(BundleContext context) throws IOException, InvalidSyntaxException {
		String folderName = context.getProperty(FOLDER_PROPERTY);
		ProfileFolder folder = new ProfileFolder(
				Path.of(folderName == null || folderName.isBlank() ? DEFAULT_FOLDER : folderName).toAbsolutePath());
		Map<String, String> files = folder.profiles();
		files.keySet().forEach(name -> expectedPids.add(FACTORY_PID + "~" + name));

		if (files.containsValue(DEFAULT_PROFILE) || files.containsKey(DEFAULT_PROFILE)) {
			log.info("Profile '{}' comes from {}, not from the host's embedded one", DEFAULT_PROFILE, folder);
		} else if (existsInConfigurationAdmin(DEFAULT_PROFILE)) {
			log.info("Profile '{}' already exists in ConfigAdmin; the embedded one is not used", DEFAULT_PROFILE);
		} else {
			Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, DEFAULT_PROFILE, "?");
			configuration.update(embeddedProfile());
			expectedPids.add(configuration.getPid());
			log.info("Created profile '{}' as configuration {}", DEFAULT_PROFILE, configuration.getPid());
		}
	}

	/** @return the PIDs of the profile configurations the runtime should have before a script runs */
	public Set<String> expectedPids() {
		return Set.copyOf(expectedPids);
	}

	private boolean existsInConfigurationAdmin(String profileName) throws IOException, InvalidSyntaxException {
		String filter = "(&(service.factoryPid=" + FACTORY_PID + ")(name=" + profileName + "))";
		return configurationAdmin.listConfigurations(filter) != null;
	}

	static Dictionary<String, Object> embeddedProfile() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ProfileBootstrap.class.getResourceAsStream(EMBEDDED)) {
			if (in == null) {
				throw new IOException("the host bundle lacks its embedded profile " + EMBEDDED);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		Hashtable<String, Object> dictionary = new Hashtable<>();
		properties.stringPropertyNames().forEach(key -> dictionary.put(key, properties.getProperty(key).trim()));
		return dictionary;
	}
}

package org.mapihost.host.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
 * Makes sure a newcomer can log on at once: creates each embedded profile ({@code default}, and
 * {@code alice} and {@code bob} of the sample set-up; files {@code org.mapihost.profile-NAME.cfg}
 * beside this class) as the factory configuration {@code org.mapihost.profile~NAME} unless a
 * profile of that name already exists in ConfigAdmin or in FileInstall's folder. The
 * configuration PID is the one FileInstall gives {@code etc/org.mapihost.profile-NAME.cfg}, so
 * the two can never both exist. {@code ${mapihost.data}} in a value becomes the data folder
 * (framework property {@value #DATA_PROPERTY}, default {@value #DEFAULT_DATA}), where the sample
 * set-up's address book is written if it is missing.
 * <p>
 * Also tells the script runner which profile configurations to wait for before a script starts.
 * Immutable after activation.
 */
@Component(service = ProfileBootstrap.class, immediate = true)
public class ProfileBootstrap {
	static final String FACTORY_PID = "org.mapihost.profile";
	static final String DEFAULT_PROFILE = "default";
	static final List<String> EMBEDDED_PROFILES = List.of(DEFAULT_PROFILE, "alice", "bob");
	static final String DATA_PROPERTY = "mapihost.data";
	static final String DEFAULT_DATA = "data";
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
		Map<String, String> files = folder.profiles(
				(file, e) -> log.error("Profile file {} cannot be read, so it is ignored: {}", file, e.getMessage()));
		files.keySet().forEach(name -> expectedPids.add(FACTORY_PID + "~" + name));

		Path data = Path.of(valueOr(context.getProperty(DATA_PROPERTY), DEFAULT_DATA)).toAbsolutePath().normalize();
		for (String name : EMBEDDED_PROFILES) {
			if (files.containsValue(name) || files.containsKey(name)) {
				log.info("Profile '{}' comes from {}, not from the host's embedded one", name, folder);
			} else if (existsInConfigurationAdmin(name)) {
				log.info("Profile '{}' already exists in ConfigAdmin; the embedded one is not used", name);
			} else {
				Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, name, "?");
				configuration.update(embeddedProfile(name, data));
				expectedPids.add(configuration.getPid());
				log.info("Created profile '{}' as configuration {}", name, configuration.getPid());
			}
		}
		SampleData.writeIfMissing(data, log);
	}

	private static String valueOr(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	/** @return the PIDs of the profile configurations the runtime should have before a script runs */
	public Set<String> expectedPids() {
		return Set.copyOf(expectedPids);
	}

	private boolean existsInConfigurationAdmin(String profileName) throws IOException, InvalidSyntaxException {
		String filter = "(&(service.factoryPid=" + FACTORY_PID + ")(name=" + profileName + "))";
		return configurationAdmin.listConfigurations(filter) != null;
	}

	static Dictionary<String, Object> embeddedProfile(String name, Path data) throws IOException {
		String resource = FACTORY_PID + "-" + name + ".cfg";
		Properties properties = new Properties();
		try (InputStream in = ProfileBootstrap.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("the host bundle lacks its embedded profile " + resource);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		Hashtable<String, Object> dictionary = new Hashtable<>();
		properties.stringPropertyNames().forEach(key -> dictionary.put(key,
				properties.getProperty(key).trim().replace("${" + DATA_PROPERTY + "}", data.toString())));
		return dictionary;
	}
}

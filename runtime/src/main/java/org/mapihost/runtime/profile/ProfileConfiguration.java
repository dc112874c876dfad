package org.mapihost.runtime.profile;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * One profile, from one factory configuration of {@link ProfileParser#FACTORY_PID}. A broken
 * configuration is kept too, with its error, so that a logon to it says what is wrong.
 */
@Component(service = ProfileConfiguration.class, configurationPid = ProfileParser.FACTORY_PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ProfileConfiguration {
	@Reference(service = LoggerFactory.class)
	Logger log;

	private Profile profile;
	private String pid;
	private String error;
	private String declaredName;

	@Activate
	void activate(Map<String, Object> properties) {
		pid = String.valueOf(properties.get("service.pid"));
		Object name = properties.get("name");
		declaredName = name == null ? pid : String.valueOf(name).trim();
		try {
			profile = ProfileParser.parse(properties);
			log.info("Profile '{}' with {} entries from configuration {}", profile.name(), profile.entries().size(), pid);
		} catch (IllegalArgumentException e) {
			error = e.getMessage();
			log.error("Broken profile configuration {}: {}", pid, error);
		}
	}

	/** The profile, or null when the configuration is broken. */
	public Profile profile() {
		return profile;
	}

	/** Why the configuration is broken, or null. */
	public String error() {
		return error;
	}

	/** The configuration's PID. */
	public String pid() {
		return pid;
	}

	/** The name the configuration gives, or its PID when it gives none. */
	public String declaredName() {
		return declaredName;
	}
}

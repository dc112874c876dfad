package org.mapihost.api.provider;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What {@code IMAPISupport::OpenProfileSection} gives a provider: the settings of its entry
 * in the profile the session logged on to. Immutable. {@link #toString()} names the settings
 * but shows none of their values, as some are secrets (an SMTP password, say).
 *
 * @param profileName  the profile's name
 * @param entryName    the entry's name in the profile, for example {@code store}
 * @param providerName the provider the entry names
 * @param settings     the entry's settings, without the {@code provider} key
 * @since 1.0
 */
public record ProfileSection(String profileName, String entryName, String providerName, Map<String, String> settings) {
	/**
	 * @param profileName  the profile's name
	 * @param entryName    the entry's name
	 * @param providerName the provider's name
	 * @param settings     the settings; copied
	 */
	public ProfileSection {
		Objects.requireNonNull(profileName, "profileName");
		Objects.requireNonNull(entryName, "entryName");
		Objects.requireNonNull(providerName, "providerName");
		settings = Map.copyOf(settings);
	}

	/**
	 * @param key          the setting's key
	 * @param defaultValue returned when the key is not set
	 * @return the setting
	 */
	public String setting(String key, String defaultValue) {
		return settings.getOrDefault(key, defaultValue);
	}

	/**
	 * @return the profile, entry and provider names and the settings' keys, never their values
	 */
	@Override
	public String toString() {
		return "ProfileSection[profileName=" + profileName + ", entryName=" + entryName + ", providerName=" + providerName
				+ ", settings=" + new TreeSet<>(settings.keySet()) + "]";
	}
}

package org.mapihost.runtime.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a profile from the properties of its configuration (docs/CONTRACTS.md): {@code name},
 * {@code entries}, and {@code <entry>.provider} / {@code <entry>.<key>} per entry. Every
 * problem is reported with the key it concerns.
 */
public final class ProfileParser {
	/** The factory PID of profile configurations. */
	public static final String FACTORY_PID = "org.mapihost.profile";
	/** {@code MAPILogonEx} takes profile names of at most 64 characters. */
	public static final int MAX_NAME_LENGTH = 64;

	private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
	private static final int MAX_ENTRIES = 256;

	private ProfileParser() {
	}

	/**
	 * @throws IllegalArgumentException naming the key that is missing or wrong
	 */
	public static Profile parse(Map<String, ?> properties) {
		String name = string(properties, "name");
		name = name == null ? "" : name.trim();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("profile configuration has no 'name'");
		}
		requireNoControlCharacter(name, "profile name");
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("profile name is longer than " + MAX_NAME_LENGTH + " characters: '"
					+ name.substring(0, 20) + "...'");
		}
		List<String> entryNames = entryNames(name, properties.get("entries"));
		List<Profile.Entry> entries = new ArrayList<>();
		for (String entryName : entryNames) {
			entries.add(entry(name, entryName, entryNames, properties));
		}
		return new Profile(name, entries);
	}

	private static List<String> entryNames(String profile, Object value) {
		Collection<String> names;
		if (value == null) {
			throw new IllegalArgumentException("profile '" + profile + "' has no 'entries'");
		} else if (value instanceof String text) {
			names = text.isBlank() ? List.of() : Arrays.asList(text.split(","));
		} else if (value instanceof String[] array) {
			names = Arrays.asList(array);
		} else if (value instanceof Collection<?> collection) {
			names = collection.stream().map(name -> name == null ? null : String.valueOf(name)).toList();
		} else {
			throw new IllegalArgumentException("profile '" + profile + "': 'entries' must be a comma-separated string or a string array, got "
					+ value.getClass().getSimpleName());
		}
		Set<String> unique = new LinkedHashSet<>();
		for (String raw : names) {
			if (raw == null) {
				throw new IllegalArgumentException("profile '" + profile + "': 'entries' has a null element");
			}
			String entry = raw.trim();
			if (!ENTRY_NAME.matcher(entry).matches()) {
				throw new IllegalArgumentException("profile '" + profile + "': entry name '" + abbreviate(entry)
						+ "' must be 1-64 letters, digits, '-', '_' or '.'");
			}
			if (!unique.add(entry)) {
				throw new IllegalArgumentException("profile '" + profile + "': entry '" + entry + "' is listed twice");
			}
		}
		if (unique.isEmpty()) {
			throw new IllegalArgumentException("profile '" + profile + "': 'entries' is empty");
		}
		if (unique.size() > MAX_ENTRIES) {
			throw new IllegalArgumentException("profile '" + profile + "' has more than " + MAX_ENTRIES + " entries");
		}
		return new ArrayList<>(unique);
	}

	private static Profile.Entry entry(String profile, String entryName, List<String> entryNames, Map<String, ?> properties) {
		String prefix = entryName + ".";
		String provider = string(properties, prefix + "provider");
		provider = provider == null ? "" : provider.trim();
		if (provider.isEmpty()) {
			throw new IllegalArgumentException("profile '" + profile + "': entry '" + entryName + "' has no '" + prefix
					+ "provider'");
		}
		requireNoControlCharacter(provider, "profile '" + profile + "': '" + prefix + "provider'");
		Map<String, String> settings = new HashMap<>();
		for (Map.Entry<String, ?> property : properties.entrySet()) {
			String key = property.getKey();
			if (key.startsWith(prefix) && !key.equals(prefix + "provider") && key.length() > prefix.length()
					&& entryName.equals(owner(key, entryNames))) {
				settings.put(key.substring(prefix.length()), asString(property.getValue()));
			}
		}
		return new Profile.Entry(entryName, provider, settings);
	}

	/** The entry a key belongs to: the longest entry name it starts with (entry names may contain dots). */
	private static String owner(String key, List<String> entryNames) {
		String owner = null;
		for (String entryName : entryNames) {
			if (key.startsWith(entryName + ".") && (owner == null || entryName.length() > owner.length())) {
				owner = entryName;
			}
		}
		return owner;
	}

	/** Such names go into log lines and error messages, which a control character could garble. */
	private static void requireNoControlCharacter(String text, String what) {
		text.codePoints().filter(Character::isISOControl).findFirst().ifPresent(c -> {
			throw new IllegalArgumentException(what + " has the control character U+" + String.format("%04X", c));
		});
	}

	private static String string(Map<String, ?> properties, String key) {
		Object value = properties.get(key);
		return value == null ? null : asString(value);
	}

	private static String asString(Object value) {
		if (value instanceof String[] array) {
			return String.join(",", array);
		}
		return String.valueOf(value);
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 37) + "...";
	}
}

package org.mapihost.host.profile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile files in FileInstall's folder, read here before FileInstall has scanned them, so
 * that the host knows at start-up which profiles the operator gives: a file
 * {@code org.mapihost.profile-<name>.cfg} becomes the factory configuration
 * {@code org.mapihost.profile~<name>}.
 */
final class ProfileFolder {
	private static final Pattern PROFILE_FILE = Pattern
			.compile(Pattern.quote(ProfileBootstrap.FACTORY_PID) + "-(.+)\\.cfg");

	private final Path folder;

	ProfileFolder(Path folder) {
		this.folder = folder;
	}

	Path path() {
		return folder;
	}

	/**
	 * @return configuration name (the part of the file name after the factory PID) to the
	 *         profile name the file declares (its {@code name}, or null when it has none), in
	 *         file-name order; empty when the folder does not exist. A file that cannot be
	 *         read as properties (bad encoding, a malformed escape, no permission) is left out
	 *         and handed to {@code unreadable}: the operator's mistake must not stop the host.
	 */
	Map<String, String> profiles(BiConsumer<Path, Exception> unreadable) throws IOException {
		Map<String, String> profiles = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return profiles;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
			for (Path file : files) {
				Matcher matcher = PROFILE_FILE.matcher(file.getFileName().toString());
				if (matcher.matches() && Files.isRegularFile(file)) {
					try {
						profiles.put(matcher.group(1), declaredName(file));
					} catch (IOException | IllegalArgumentException e) {
						unreadable.accept(file, e);
					}
				}
			}
		}
		return profiles;
	}

	private static String declaredName(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		String name = properties.getProperty("name");
		if (name == null) {
			return null;
		}
		name = name.trim();
		if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
			name = name.substring(1, name.length() - 1); // FileInstall's quoted string value
		}
		return name;
	}

	@Override
	public String toString() {
		return folder.toString();
	}
}

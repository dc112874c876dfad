package org.mapihost.host.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;

class ProfileBootstrapTest {
	/** What the fake ConfigurationAdmin was asked to do. */
	private final List<String> created = new ArrayList<>();
	private Dictionary<String, Object> createdProperties;

	@Test
	void embeddedProfileFollowsTheContract(@TempDir Path data) throws Exception {
		Dictionary<String, Object> profile = ProfileBootstrap.embeddedProfile("default", data);
		assertEquals("default", profile.get("name"));
		assertEquals("store, contacts, peer", profile.get("entries"));
		assertEquals("org.mapihost.sample.memstore", profile.get("store.provider"));
		assertEquals("org.mapihost.sample.memab", profile.get("contacts.provider"));
		assertEquals("org.mapihost.sample.memxp", profile.get("peer.provider"));
	}

	@Test
	void sampleProfilesLiveInTheDataFolder(@TempDir Path data) throws Exception {
		Dictionary<String, Object> alice = ProfileBootstrap.embeddedProfile("alice", data);
		assertEquals("org.mapihost.providers.store", alice.get("store.provider"));
		assertEquals(data.resolve("alice/Maildir").toString(), alice.get("store.root"));
		assertEquals(data.resolve("contacts.vcf").toString(), alice.get("contacts.file"));
		assertEquals(data.resolve("drop").toString(), alice.get("peer.dropFolder"));
		assertEquals("bob", ProfileBootstrap.embeddedProfile("bob", data).get("peer.mailbox"));
	}

	@Test
	void createsTheEmbeddedProfilesAndTheSampleAddressBookWhenThereAreNone(@TempDir Path dir) throws Exception {
		ProfileBootstrap bootstrap = bootstrap(false);
		bootstrap.activate(context(dir.resolve("etc")));
		assertEquals(List.of("org.mapihost.profile/default/?", "org.mapihost.profile/alice/?", "org.mapihost.profile/bob/?"), created);
		assertEquals(Set.of("org.mapihost.profile~default", "org.mapihost.profile~alice", "org.mapihost.profile~bob"),
				bootstrap.expectedPids());
		assertEquals(SampleData.CARDS, Files.readString(dir.resolve("data").resolve(SampleData.CONTACTS)));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))));
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data").resolve(SampleData.CONTACTS))));
		try (Stream<Path> files = Files.list(dir.resolve("data"))) {
			assertEquals(List.of(dir.resolve("data").resolve(SampleData.CONTACTS)), files.toList(), "no temporary file left");
		}
	}

	@Test
	void neverOverwritesTheOperatorsAddressBook(@TempDir Path dir) throws Exception {
		Path contacts = Files.createDirectories(dir.resolve("data")).resolve(SampleData.CONTACTS);
		Files.writeString(contacts, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mine\r\nEND:VCARD\r\n");
		bootstrap(false).activate(context(dir.resolve("etc")));
		assertEquals("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mine\r\nEND:VCARD\r\n", Files.readString(contacts));
	}

	@Test
	void leavesTheDefaultToTheFolder(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("org.mapihost.profile-mine.cfg"), "name = default\n");
		Files.writeString(dir.resolve("org.mapihost.profile-alice.cfg"), "name = alice\n");
		Files.writeString(dir.resolve("org.mapihost.profile-bob.cfg"), "name = bob\n");
		ProfileBootstrap bootstrap = bootstrap(false);
		bootstrap.activate(context(dir));
		assertTrue(created.isEmpty());
		assertEquals(Set.of("org.mapihost.profile~mine", "org.mapihost.profile~alice", "org.mapihost.profile~bob"), bootstrap.expectedPids());
	}

	@Test
	void aDefaultFileOwnsTheConfigurationWhateverItsName(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("org.mapihost.profile-default.cfg"), "name = other\n");
		ProfileBootstrap bootstrap = bootstrap(false);
		bootstrap.activate(context(dir));
		assertEquals(List.of("org.mapihost.profile/alice/?", "org.mapihost.profile/bob/?"), created);
	}

	@Test
	void leavesAnExistingConfigurationAlone(@TempDir Path dir) throws Exception {
		ProfileBootstrap bootstrap = bootstrap(true);
		bootstrap.activate(context(dir));
		assertTrue(created.isEmpty());
		assertTrue(bootstrap.expectedPids().isEmpty());
		assertNull(createdProperties);
	}

	private ProfileBootstrap bootstrap(boolean defaultExists) {
		ProfileBootstrap bootstrap = new ProfileBootstrap();
		bootstrap.configurationAdmin = fake(ConfigurationAdmin.class, (method, args) -> switch (method) {
		case "listConfigurations" -> defaultExists ? new Configuration[] { configuration("org.mapihost.profile~x") }
				: null;
		case "getFactoryConfiguration" -> {
			created.add(args[0] + "/" + args[1] + "/" + args[2]);
			yield configuration(args[0] + "~" + args[1]);
		}
		default -> throw new UnsupportedOperationException(method);
		});
		bootstrap.log = fake(Logger.class, (method, args) -> null);
		return bootstrap;
	}

	@SuppressWarnings("unchecked")
	private Configuration configuration(String pid) {
		return fake(Configuration.class, (method, args) -> switch (method) {
		case "getPid" -> pid;
		case "update" -> {
			createdProperties = (Dictionary<String, Object>) args[0];
			yield null;
		}
		default -> throw new UnsupportedOperationException(method);
		});
	}

	private static BundleContext context(Path folder) {
		Map<String, String> properties = Map.of(ProfileBootstrap.FOLDER_PROPERTY, folder.toString(),
				ProfileBootstrap.DATA_PROPERTY, folder.resolveSibling("data").toString());
		return fake(BundleContext.class, (method, args) -> switch (method) {
		case "getProperty" -> properties.get(args[0]);
		default -> throw new UnsupportedOperationException(method);
		});
	}

	interface Answer {
		Object answer(String method, Object[] args) throws Exception;
	}

	static <T> T fake(Class<T> type, Answer answer) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> method.getDeclaringClass() == Object.class ? method.invoke(answer, args)
						: answer.answer(method.getName(), args)));
	}
}

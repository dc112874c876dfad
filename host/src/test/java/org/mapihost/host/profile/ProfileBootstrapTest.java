package org.mapihost.host.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
	void embeddedProfileFollowsTheContract() throws Exception {
		Dictionary<String, Object> profile = ProfileBootstrap.embeddedProfile();
		assertEquals("default", profile.get("name"));
		assertEquals("store, contacts, peer", profile.get("entries"));
		assertEquals("org.mapihost.sample.memstore", profile.get("store.provider"));
		assertEquals("org.mapihost.sample.memab", profile.get("contacts.provider"));
		assertEquals("org.mapihost.sample.memxp", profile.get("peer.provider"));
	}

	@Test
	void createsTheDefaultProfileWhenThereIsNone(@TempDir Path dir) throws Exception {
		ProfileBootstrap bootstrap = bootstrap(false);
		bootstrap.activate(context(dir.resolve("etc")));
		assertEquals(List.of("org.mapihost.profile/default/?"), created);
		assertEquals("default", createdProperties.get("name"));
		assertEquals(Set.of("org.mapihost.profile~default"), bootstrap.expectedPids());
	}

	@Test
	void leavesTheDefaultToTheFolder(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("org.mapihost.profile-mine.cfg"), "name = default\n");
		ProfileBootstrap bootstrap = bootstrap(false);
		bootstrap.activate(context(dir));
		assertTrue(created.isEmpty());
		assertEquals(Set.of("org.mapihost.profile~mine"), bootstrap.expectedPids());
	}

	@Test
	void aDefaultFileOwnsTheConfigurationWhateverItsName(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("org.mapihost.profile-default.cfg"), "name = other\n");
		ProfileBootstrap bootstrap = bootstrap(false);
		bootstrap.activate(context(dir));
		assertTrue(created.isEmpty());
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
		Map<String, String> properties = Map.of(ProfileBootstrap.FOLDER_PROPERTY, folder.toString());
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

package org.mapihost.host.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;

class ProvidersWatcherTest {
	/** What the fake ConfigurationAdmin and its configuration were asked to do, in order. */
	private final List<String> calls = new ArrayList<>();
	private Dictionary<String, Object> properties;

	@Test
	void folderDefaultsToProvidersInTheWorkingDirectory() {
		Path expected = Path.of("providers").toAbsolutePath().normalize();
		assertEquals(expected, ProvidersWatcher.folder(null));
		assertEquals(expected, ProvidersWatcher.folder("  "));
		assertEquals(Path.of("/srv/mapi/providers"), ProvidersWatcher.folder("/srv/mapi/x/../providers"));
		assertEquals(Path.of("lib").toAbsolutePath(), ProvidersWatcher.folder(" lib "));
	}

	@Test
	void pollMillis() {
		assertEquals(500, ProvidersWatcher.pollMillis(null));
		assertEquals(250, ProvidersWatcher.pollMillis(" 250 "));
		assertEquals(-1, ProvidersWatcher.pollMillis("0"));
		assertEquals(-1, ProvidersWatcher.pollMillis("-3"));
		assertEquals(-1, ProvidersWatcher.pollMillis("soon"));
	}

	@Test
	void watcherPropertiesAreFileInstalls() {
		Dictionary<String, Object> watcher = ProvidersWatcher.watcherProperties(Path.of("/srv/providers"), 750);
		assertEquals("/srv/providers", watcher.get("felix.fileinstall.dir"));
		assertEquals("750", watcher.get("felix.fileinstall.poll"));
		assertEquals("true", watcher.get("felix.fileinstall.noInitialDelay"));
		assertEquals("false", watcher.get("felix.fileinstall.bundles.new.start"));
		assertEquals("skip", watcher.get("felix.fileinstall.subdir.mode"));
		assertNull(watcher.get("felix.fileinstall.filter"), "the runtime claims every file");
		assertEquals(5, watcher.size());
	}

	@Test
	void createsTheFolderAndTheWatcherAndDeletesTheWatcherAtDeactivation(@TempDir Path dir) throws Exception {
		Path folder = dir.resolve("deep/providers");
		ProvidersWatcher watcher = watcher();
		watcher.activate(context(Map.of("mapihost.providers", folder.toString())));
		assertTrue(Files.isDirectory(folder), "the folder is created");
		assertEquals(folder, watcher.folder());
		assertEquals(List.of("getFactoryConfiguration org.apache.felix.fileinstall/mapihost.providers/?", "updateIfDifferent"),
				calls);
		assertEquals(folder.toString(), properties.get("felix.fileinstall.dir"));
		assertEquals("500", properties.get("felix.fileinstall.poll"));

		watcher.deactivate();
		assertEquals("delete", calls.get(calls.size() - 1));
		watcher.deactivate();
		assertEquals(3, calls.size(), "deleted once");
	}

	@Test
	void existingFolderAndABadPoll(@TempDir Path dir) throws Exception {
		Map<String, String> framework = new HashMap<>();
		framework.put("mapihost.providers", dir.toString());
		framework.put("mapihost.providers.poll", "often");
		ProvidersWatcher watcher = watcher();
		watcher.activate(context(framework));
		assertEquals(dir.toString(), properties.get("felix.fileinstall.dir"));
		assertEquals("500", properties.get("felix.fileinstall.poll"));
	}

	@Test
	void aFolderThatCannotBeCreatedIsNotWatched(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("providers"), "a file, not a folder");
		ProvidersWatcher watcher = watcher();
		watcher.activate(context(Map.of("mapihost.providers", file.toString())));
		assertEquals(List.of(), calls, "no watcher");
		watcher.deactivate();
		assertEquals(List.of(), calls);
	}

	private ProvidersWatcher watcher() {
		ProvidersWatcher watcher = new ProvidersWatcher();
		watcher.configurationAdmin = fake(ConfigurationAdmin.class, (method, args) -> switch (method) {
		case "getFactoryConfiguration" -> {
			calls.add(method + " " + args[0] + "/" + args[1] + "/" + args[2]);
			yield configuration(args[0] + "~" + args[1]);
		}
		default -> throw new UnsupportedOperationException(method);
		});
		watcher.log = fake(Logger.class, (method, args) -> null);
		return watcher;
	}

	@SuppressWarnings("unchecked")
	private Configuration configuration(String pid) {
		return fake(Configuration.class, (method, args) -> switch (method) {
		case "getPid" -> pid;
		case "updateIfDifferent" -> {
			calls.add(method);
			properties = (Dictionary<String, Object>) args[0];
			yield true;
		}
		case "delete" -> {
			calls.add(method);
			yield null;
		}
		default -> throw new UnsupportedOperationException(method);
		});
	}

	private static BundleContext context(Map<String, String> properties) {
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

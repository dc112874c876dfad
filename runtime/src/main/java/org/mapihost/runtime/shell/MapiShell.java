package org.mapihost.runtime.shell;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers the {@code mapi:*} Gogo commands. Each is its own {@link Function} service because
 * Gogo maps command names to Java methods, and names such as {@code open-store} are not Java
 * names; a Function also lets every command check its arguments and print its own usage.
 */
@Component(immediate = true)
public class MapiShell {
	@Reference
	ShellCommands commands;

	private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();

	@Activate
	void activate(BundleContext context) {
		for (Command command : commands.all()) {
			Hashtable<String, Object> properties = new Hashtable<>();
			properties.put("osgi.command.scope", "mapi");
			properties.put("osgi.command.function", command.name());
			Function function = (session, arguments) -> command.execute(arguments);
			registrations.add(context.registerService(Function.class, function, properties));
		}
	}

	@Deactivate
	void deactivate() {
		for (ServiceRegistration<Function> registration : registrations) {
			try {
				registration.unregister();
			} catch (IllegalStateException e) {
				// already gone with the bundle
			}
		}
		registrations.clear();
	}
}

package org.mapihost.host.shell;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Switches on the console the launcher's {@code Main} asked for, through framework properties:
 * {@value ScriptRunner#SCRIPT_PROPERTY} (a script file, or "-" for standard input) enables the
 * {@link ScriptRunner}; {@value InteractiveShell#SHELL_PROPERTY}{@code =interactive} enables the
 * {@link InteractiveShell}. Each is the bnd launcher's {@code main.thread} callable, so only one
 * may be enabled. With neither property (the host bundle in another launcher) nothing changes
 * and gogo.jline runs its own shell.
 */
@Component(immediate = true)
public class ShellMode {
	/**
	 * System property a console sets once the launcher calls it: the launcher's {@code Main}
	 * gives up on a host whose console never starts. (A system property, because {@code Main}
	 * lives outside the framework.)
	 */
	static final String CONSOLE_STARTED_PROPERTY = "mapihost.console.started";

	@Activate
	void activate(ComponentContext context) {
		String script = context.getBundleContext().getProperty(ScriptRunner.SCRIPT_PROPERTY);
		String shell = context.getBundleContext().getProperty(InteractiveShell.SHELL_PROPERTY);
		if (script != null && !script.isBlank()) {
			context.enableComponent(ScriptRunner.NAME);
		} else if (InteractiveShell.INTERACTIVE.equals(shell)) {
			context.enableComponent(InteractiveShell.NAME);
		}
	}
}

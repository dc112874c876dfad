package org.mapihost.bench.felix;

import java.lang.reflect.InvocationTargetException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.mapihost.api.LogonFlag;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiException;
import org.mapihost.api.MapiSession;
import org.mapihost.api.ResultCode;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Configurations through the framework's ConfigurationAdmin. By reflection on the interfaces as
 * ConfigAdmin's bundle sees them: the harness's class path has no {@code org.osgi.service.cm}
 * of its own, and sharing one through the system bundle would give ConfigAdmin a second exporter
 * of its own API.
 */
public final class Configs {
	static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
	static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
	static final String PROFILE_FACTORY_PID = "org.mapihost.profile";

	private final EmbeddedFelix felix;

	public Configs(EmbeddedFelix felix) {
		this.felix = felix;
	}

	/** Creates or updates the singleton configuration of the PID. */
	public void update(String pid, Map<String, Object> properties) throws Exception {
		ServiceReference<Object> reference = felix.await(ADMIN, null);
		Bundle cm = reference.getBundle();
		Object admin = felix.context().getService(reference);
		Object configuration = invoke(cm.loadClass(ADMIN), "getConfiguration", admin, new Class<?>[] { String.class, String.class },
				pid, "?");
		invoke(cm.loadClass(CONFIGURATION), "update", configuration, new Class<?>[] { Dictionary.class }, new Hashtable<>(properties));
	}

	/**
	 * Makes the profile (factory configuration {@code org.mapihost.profile} named after it) and
	 * waits until the runtime has taken it up.
	 */
	public void profile(String name, Map<String, Object> entries) throws Exception {
		ServiceReference<Object> reference = felix.await(ADMIN, null);
		Bundle cm = reference.getBundle();
		Object admin = felix.context().getService(reference);
		Object configuration = invoke(cm.loadClass(ADMIN), "getFactoryConfiguration", admin,
				new Class<?>[] { String.class, String.class, String.class }, PROFILE_FACTORY_PID, name, "?");
		Hashtable<String, Object> properties = new Hashtable<>(entries);
		properties.put("name", name);
		invoke(cm.loadClass(CONFIGURATION), "update", configuration, new Class<?>[] { Dictionary.class }, properties);
		felix.await(null, "(&(service.factoryPid=" + PROFILE_FACTORY_PID + ")(name=" + name + "))");
	}

	/**
	 * Waits until a logon to the profile no longer fails for want of the profile: the profile's service can
	 * be registered a moment before the runtime's subsystem has bound it. The client must be
	 * initialized; the trial session (MAPI_NO_MAIL, nothing opened) is logged off at once.
	 */
	public static void awaitProfile(Mapi mapi, String name) {
		EmbeddedFelix.awaitTrue("the runtime to know profile " + name, () -> {
			try {
				MapiSession session = mapi.logon(name, LogonFlag.MAPI_EXTENDED.value() | LogonFlag.MAPI_NEW_SESSION.value()
						| LogonFlag.MAPI_NO_MAIL.value());
				session.logoff(0);
				session.release();
				return true;
			} catch (MapiException e) {
				// Any other failure (its provider not there yet, say) comes from a profile the runtime knows.
				return !(e.code() == ResultCode.MAPI_E_LOGON_FAILED && e.getMessage().contains("no profile named"));
			}
		});
	}

	private static Object invoke(Class<?> type, String method, Object target, Class<?>[] parameters, Object... arguments)
			throws ReflectiveOperationException {
		try {
			return type.getMethod(method, parameters).invoke(target, arguments);
		} catch (InvocationTargetException e) {
			if (e.getCause() instanceof Exception cause) {
				throw new IllegalStateException(type.getSimpleName() + "." + method + " failed: " + cause, cause);
			}
			throw e;
		}
	}
}

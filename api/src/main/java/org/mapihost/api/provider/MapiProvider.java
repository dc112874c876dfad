package org.mapihost.api.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mapihost.api.ProviderKind;
import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a provider: sets the provider component's service properties, so a provider
 * author never types a property name, and puts the provider capability into the bundle's
 * manifest (namespace {@link #NAMESPACE}, attributes {@code name}, {@code type},
 * {@code display}), so the runtime can index a providers folder without installing anything —
 * mapihost's {@code MAPISVC.INF}:
 *
 * <pre>
 * &#64;Component(scope = ServiceScope.PROTOTYPE)
 * &#64;MapiProvider(name = "org.example.store", type = ProviderKind.STORE, display = "Example store")
 * public class ExampleStoreProvider implements MessageStoreProvider { … }
 * </pre>
 *
 * @since 1.0
 */
@ComponentPropertyType
@Capability(namespace = MapiProvider.NAMESPACE)
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MapiProvider {
	/** The prefix of the service properties this annotation sets. */
	String PREFIX_ = "mapi.provider.";
	/** The namespace of the provider capability in a provider bundle's manifest. */
	String NAMESPACE = "org.mapihost.provider";

	/**
	 * @return {@link ServiceProvider#PROVIDER_NAME}: the name profiles refer to; also the
	 *         capability's {@code name} attribute
	 */
	@Attribute("name")
	String name();

	/**
	 * @return the kind of provider, the capability's {@code type} attribute (and the service
	 *         property {@code mapi.provider.type})
	 */
	@Attribute("type")
	ProviderKind type();

	/**
	 * @return {@link ServiceProvider#PROVIDER_DISPLAY}: the display name; also the
	 *         capability's {@code display} attribute
	 */
	@Attribute("display")
	String display() default "";
}

package org.mapihost.api.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Sets a provider component's service properties, so a provider author never types a
 * property name:
 *
 * <pre>
 * &#64;Component(scope = ServiceScope.PROTOTYPE)
 * &#64;MapiProvider(name = "org.example.store", display = "Example store")
 * public class ExampleStoreProvider implements MessageStoreProvider { … }
 * </pre>
 *
 * @since 1.0
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MapiProvider {
	/** The prefix of the service properties this annotation sets. */
	String PREFIX_ = "mapi.provider.";

	/**
	 * @return {@link ServiceProvider#PROVIDER_NAME}: the name profiles refer to
	 */
	String name();

	/**
	 * @return {@link ServiceProvider#PROVIDER_DISPLAY}: the display name
	 */
	String display() default "";
}

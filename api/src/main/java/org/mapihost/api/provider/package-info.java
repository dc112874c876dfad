/**
 * The service-provider interface: what message-store, address-book and transport provider
 * bundles implement ({@code IMSProvider}, {@code IABProvider}, {@code IXPProvider} and their
 * logon objects) and the per-logon support object the runtime gives them
 * ({@code IMAPISupport}).
 * <p>
 * A provider registers its entry point as a prototype-scope OSGi service: each
 * {@code getService} is one {@code *ProviderInit} call and each {@code ungetService} the
 * provider object's {@code Release}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mapihost.api.provider;

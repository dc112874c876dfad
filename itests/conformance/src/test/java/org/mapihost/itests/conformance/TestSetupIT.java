package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.TestExecutionListener;
import org.mapihost.api.provider.AddressBookProvider;
import org.mapihost.api.provider.MessageStoreProvider;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.api.provider.TransportProvider;
import org.mapihost.itests.recording.RecordingLog;
import org.mapihost.itests.recording.RecordingProviders;
import org.mapihost.itests.testkit.SurefireSummary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The test set-up itself, which needs no runtime: the recording providers are registered as
 * entry points (prototype scope, with their names) and do notice a lifecycle breach, and the
 * summary listener is there for the tester to find.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class TestSetupIT {
	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = ConformanceTestSupport.TIMEOUT)
	RecordingLog providers;

	@Test
	void recordingProvidersAreEntryPoints() throws InvalidSyntaxException {
		assertEntryPoint(MessageStoreProvider.class, RecordingProviders.STORE);
		assertEntryPoint(AddressBookProvider.class, RecordingProviders.AB);
		assertEntryPoint(TransportProvider.class, RecordingProviders.XP);
	}

	private void assertEntryPoint(Class<? extends ServiceProvider> type, String name) throws InvalidSyntaxException {
		Collection<? extends ServiceReference<?>> found = context.getServiceReferences(type,
				"(" + ServiceProvider.PROVIDER_NAME + "=" + name + ")");
		assertEquals(1, found.size(), () -> type.getSimpleName() + " services named " + name);
		ServiceReference<?> reference = found.iterator().next();
		assertEquals(Constants.SCOPE_PROTOTYPE, reference.getProperty(Constants.SERVICE_SCOPE), name + " scope");
		assertEquals(RecordingProviders.BUNDLE, reference.getBundle().getSymbolicName());
	}

	@Test
	void recordingProvidersNoteLifecycleBreaches() throws InvalidSyntaxException {
		ServiceReference<MessageStoreProvider> reference = context.getServiceReferences(MessageStoreProvider.class,
				"(" + ServiceProvider.PROVIDER_NAME + "=" + RecordingProviders.STORE + ")").iterator().next();
		ServiceObjects<MessageStoreProvider> objects = context.getServiceObjects(reference);
		providers.clear();
		MessageStoreProvider provider = objects.getService();
		provider.shutdown(0);
		assertEquals(List.of(), providers.problems(), "one Shutdown is fine");
		provider.shutdown(0);
		objects.ungetService(provider);
		assertEquals(1, providers.problems().size(), () -> "a second Shutdown is noted: " + providers.problems());
		assertEquals(List.of("MSProviderInit", "IMSProvider::Shutdown", "IMSProvider::Shutdown", "PROBLEM", "IMSProvider::Release"),
				providers.calls().stream().map(RecordingLog.Call::call).toList());
		providers.clear();
	}

	@Test
	void summaryListenerIsRegisteredByTheTestKit() {
		ServiceReference<TestExecutionListener> reference = context.getServiceReference(TestExecutionListener.class);
		assertNotNull(reference, "the SurefireSummary listener service");
		assertEquals(FrameworkUtil.getBundle(SurefireSummary.class), reference.getBundle());
		assertTrue(context.getService(reference) instanceof SurefireSummary);
		context.ungetService(reference);
	}
}

package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;

/**
 * Checks the provider-object rules of DESIGN.md §3 on a trace that covers whole sessions: each
 * provider object ({@code *ProviderInit}) gets one {@code Shutdown} and then one {@code Release};
 * {@code Shutdown} comes after every logon of that object was released; nothing is called on
 * the object or its logons after its {@code Release}. (What a misbehaving provider itself calls
 * on its support objects, and the {@code Violation} the runtime records for it, are the
 * provider's doing and not checked here.)
 */
final class ProviderLifecycle {
	private ProviderLifecycle() {
	}

	static void assertOrderly(Trace trace) {
		for (TraceEvent init : trace.all(e -> e.call().endsWith("ProviderInit"))) {
			assertOrderly(trace, init);
		}
	}

	private static void assertOrderly(Trace trace, TraceEvent init) {
		String kind = init.call().substring(0, 2);
		String provider = "I" + kind + "Provider::";
		String logon = "I" + kind + "Logon::";
		String object = init.object();
		String what = init.provider() + " object " + object + " of session " + init.session();

		TraceEvent shutdown = only(trace, provider + "Shutdown", object, what);
		TraceEvent release = only(trace, provider + "Release", object, what);
		assertTrue(shutdown.seq() < release.seq(), () -> "Shutdown before Release of " + what + ":\n" + trace);

		List<TraceEvent> logons = trace.all(e -> e.call().startsWith(provider) && e.call().contains("Logon")
				&& object.equals(e.object()) && e.result().equals("S_OK"));
		List<TraceEvent> logonReleases = ofProvider(trace, init, logon + "Release");
		assertEquals(logons.size(), logonReleases.size(), () -> "every logon of " + what + " is released:\n" + trace);
		for (TraceEvent logonRelease : logonReleases) {
			assertTrue(logonRelease.seq() < shutdown.seq(),
					() -> "Shutdown of " + what + " only after its logon " + logonRelease.object() + " was released:\n" + trace);
		}
		List<TraceEvent> after = trace.all(e -> e.seq() > release.seq() && init.session().equals(e.session())
				&& init.provider().equals(e.provider()) && !e.call().endsWith("ProviderInit")
				&& !e.call().equals(TraceEvent.VIOLATION) && !e.call().startsWith("IMAPISupport::"));
		assertEquals(List.of(), after, () -> "nothing after the Release of " + what + ":\n" + trace);
	}

	private static TraceEvent only(Trace trace, String call, String object, String what) {
		List<TraceEvent> found = trace.all(e -> e.call().equals(call) && object.equals(e.object()));
		assertEquals(1, found.size(), () -> call + " of " + what + ":\n" + trace);
		return found.get(0);
	}

	private static List<TraceEvent> ofProvider(Trace trace, TraceEvent init, String call) {
		return trace.all(e -> e.call().equals(call) && init.session().equals(e.session()) && init.provider().equals(e.provider()));
	}
}

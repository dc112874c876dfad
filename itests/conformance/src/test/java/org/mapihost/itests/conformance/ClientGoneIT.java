package org.mapihost.itests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapihost.itests.recording.RecordingProviders.STORE;

import org.junit.jupiter.api.Test;
import org.mapihost.api.Mapi;
import org.mapihost.api.MapiSession;
import org.mapihost.api.MsgStore;
import org.mapihost.api.trace.TraceEvent;
import org.mapihost.itests.testkit.Trace;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithFactoryConfiguration;

/**
 * DESIGN.md §3 rule 6: a client bundle that goes away without balancing its initialize calls has
 * its sessions logged off and its count dropped; other clients are not touched.
 */
@WithFactoryConfiguration(factoryPid = ConformanceTestSupport.PROFILE_PID, name = "client-gone", properties = {
		@Property(key = "name", value = "client-gone"),
		@Property(key = "entries", value = "store"),
		@Property(key = "store.provider", value = STORE) })
class ClientGoneIT extends ConformanceTestSupport {

	@Test
	void aClientThatGoesAwayUnbalancedHasItsSessionsLoggedOffAndItsCountDropped() throws Exception {
		awaitProfile("client-gone");
		mapi.initialize(0);
		MapiSession ours = mapi.logon("client-gone", LOGON_FLAGS);
		Mapi leaky = clients.install("leaky");
		leaky.initialize(0);
		leaky.initialize(0);
		MapiSession theirs = leaky.logon("client-gone", LOGON_FLAGS);
		MsgStore store = theirs.openMsgStore("store", STORE_FLAGS);

		long start = mark();
		clients.uninstallUnbalanced(leaky);
		Trace gone = since(start);

		TraceEvent logoff = gone.only("IMAPISession::Logoff");
		assertEquals(theirs.id(), logoff.session());
		assertTrue(gone.count("IMAPISupport::StoreLogoffTransports") == 1, () -> "the open store was aborted once: " + gone);
		TraceEvent uninit = gone.only("MAPIUninitialize");
		assertTrue(uninit.detail().contains("without balancing 2"), uninit::toJson);
		assertTrue(gone.violations().isEmpty(), () -> "no violations: " + gone);
		assertFalse(theirs.isValid());
		assertFalse(store.isValid());

		assertTrue(ours.isValid(), "the other client's session lives on");
		assertEquals(1, mapi.initializeCount());
		ours.openMsgStore("store", STORE_FLAGS).release();
		ours.logoff(0);
		ours.release();
	}
}

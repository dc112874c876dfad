package org.mapihost.itests.faulty.internal;

import org.mapihost.api.MapiException;
import org.mapihost.api.MapiUid;
import org.mapihost.api.StatusCode;
import org.mapihost.api.StatusColumn;
import org.mapihost.api.StatusRow;
import org.mapihost.api.StatusRowFlag;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.itests.faulty.FaultyProviders;

/**
 * One logon's support object as a faulty provider uses it: commits the support-object faults of
 * the method it is used from. A second call the runtime refuses is caught, as a careless provider
 * would. Concurrency: immutable; the runtime's support object guards itself.
 */
final class FaultySupport {
	private final ProviderSupport support;
	final ProfileSection section;
	final FaultPlan plan;

	FaultySupport(ProviderSupport support, ProfileSection section, FaultPlan plan) {
		this.support = support;
		this.section = section;
		this.plan = plan;
	}

	/** Registers the entry's MAPIUID ({@link FaultyProviders#UID}, or a new one) and an available status row. */
	void register(boolean withUid, String display) {
		if (withUid) {
			String uid = section.setting(FaultyProviders.UID, "").strip();
			support.setProviderUid(uid.isEmpty() ? support.newUid() : MapiUid.parse(uid), 0);
		}
		support.modifyStatusRow(StatusRow.builder().set(StatusColumn.PR_DISPLAY_NAME, section.entryName())
				.set(StatusColumn.PR_PROVIDER_DISPLAY, display).set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_AVAILABLE.value())
				.set(StatusColumn.PR_STATUS_STRING, "Available").set(StatusColumn.PR_RESOURCE_METHODS, 0).build(), 0);
	}

	/** {@code StoreLogoffTransports} as {@code method} makes it: once, twice or never. */
	int logoffTransports(String method, int flag) {
		if (plan.has(method, FaultPlan.Kind.SLT_NEVER)) {
			return 0;
		}
		int out = support.storeLogoffTransports(flag);
		if (plan.has(method, FaultPlan.Kind.SLT_TWICE)) {
			ignoreRefusal(() -> support.storeLogoffTransports(flag));
		}
		return out;
	}

	/** Releases the support object as {@code method} does: once, twice or never. */
	void release(String method) {
		if (plan.has(method, FaultPlan.Kind.SUPPORT_NEVER_RELEASED)) {
			return;
		}
		support.release();
		if (plan.has(method, FaultPlan.Kind.SUPPORT_RELEASE_TWICE)) {
			ignoreRefusal(support::release);
		}
	}

	/** The {@code shutdown:support-after-shutdown} fault, from the provider object's Release. */
	void callAfterShutdown() {
		if (plan.has("shutdown", FaultPlan.Kind.SUPPORT_AFTER_SHUTDOWN)) {
			ignoreRefusal(() -> support.modifyStatusRow(StatusRow.builder()
					.set(StatusColumn.PR_STATUS_CODE, StatusCode.STATUS_FAILURE.value()).build(), StatusRowFlag.STATUSROW_UPDATE.value()));
		}
	}

	private static void ignoreRefusal(Runnable call) {
		try {
			call.run();
		} catch (MapiException expected) {
			// the runtime refused and recorded it; committing the fault was the point
		}
	}
}

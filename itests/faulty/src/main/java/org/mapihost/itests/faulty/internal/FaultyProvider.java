package org.mapihost.itests.faulty.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mapihost.api.ProviderKind;
import org.mapihost.api.provider.ProfileSection;
import org.mapihost.api.provider.ProviderSupport;
import org.mapihost.api.provider.ServiceProvider;
import org.mapihost.itests.faulty.FaultyProviders;

/**
 * What the three faulty provider objects share: reading each logon's faults, and Shutdown and
 * Release with their faults (a provider object takes the faults of its first logon's entry). Concurrency:
 * the support list is copy-on-write.
 */
abstract class FaultyProvider implements ServiceProvider {
	final Hangs hangs;
	final ProviderKind kind;
	private final List<FaultySupport> supports = new CopyOnWriteArrayList<>();

	FaultyProvider(Hangs hangs, ProviderKind kind) {
		this.hangs = hangs;
		this.kind = kind;
	}

	/** The start of a logon method: reads the entry's faults, then commits those of {@code method}. */
	final FaultySupport beginLogon(String method, ProviderSupport support) {
		ProfileSection section = support.openProfileSection();
		FaultPlan plan = FaultPlan.parse(section.entryName(), kind, section.setting(FaultyProviders.FAULTS, ""));
		FaultySupport faulty = new FaultySupport(support, section, plan);
		supports.add(faulty);
		enter(method, plan);
		return faulty;
	}

	final void enter(String method, FaultPlan plan) {
		hangs.enter(kind, method, plan);
	}

	@Override
	public final void shutdown(int flags) {
		enter("shutdown", supports.isEmpty() ? FaultPlan.NONE : supports.get(0).plan);
	}

	/** The provider object's Release (DS deactivation), after Shutdown. */
	final void released() {
		hangs.record(kind + " release");
		supports.forEach(FaultySupport::callAfterShutdown);
	}
}

package org.mapihost.runtime.library;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** Stops, uninstalls and refreshes one bundle, and tells what the framework still keeps. */
final class BundleUnloader {
	static final long REFRESH_TIMEOUT_SECONDS = 30;

	private final FrameworkWiring wiring;

	BundleUnloader(BundleContext context) {
		this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
	}

	/** Uninstalls the bundle (stopping it first) and refreshes only it; returns a problem, or null. */
	String uninstallAndRefresh(Bundle bundle) {
		try {
			if (bundle.getState() != Bundle.UNINSTALLED) {
				bundle.uninstall();
			}
		} catch (BundleException | IllegalStateException e) {
			return "uninstall failed: " + e.getMessage();
		}
		return refresh(bundle);
	}

	/** Refreshes only this bundle and waits for the refresh to finish; returns a problem, or null. */
	String refresh(Bundle bundle) {
		CountDownLatch done = new CountDownLatch(1);
		List<String> errors = new ArrayList<>();
		wiring.refreshBundles(List.of(bundle), event -> {
			if (event.getType() == FrameworkEvent.ERROR && event.getThrowable() != null) {
				errors.add(event.getThrowable().toString());
			}
			done.countDown();
		});
		try {
			if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				return "the refresh did not finish within " + REFRESH_TIMEOUT_SECONDS + " s";
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted while waiting for the refresh";
		}
		return errors.isEmpty() ? null : "refresh: " + String.join("; ", errors);
	}

	boolean isRemovalPending(Bundle bundle) {
		return wiring.getRemovalPendingBundles().contains(bundle);
	}

	List<String> removalPending() {
		List<String> pending = new ArrayList<>();
		for (Bundle bundle : wiring.getRemovalPendingBundles()) {
			pending.add(bundle.getSymbolicName() + "_" + bundle.getVersion() + " [" + bundle.getBundleId() + "]");
		}
		return pending;
	}

	/** Collects garbage up to {@code attempts} times until the reference is cleared; returns whether it was. */
	static boolean collected(java.lang.ref.WeakReference<?> reference, int attempts) {
		for (int i = 0; i < attempts && reference.get() != null; i++) {
			System.gc();
			if (reference.get() != null) {
				try {
					Thread.sleep(20L * (i + 1));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return reference.get() == null;
				}
			}
		}
		return reference.get() == null;
	}

}

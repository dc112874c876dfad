package org.mapihost.api.admin;

import java.util.List;

/**
 * What is left over that should not be: each entry names the object (and, when the runtime's
 * debug switch {@code mapihost.leaks.debug} is on, where it was created).
 *
 * @param providerObjects        provider objects not released
 * @param logons                 logons not released
 * @param supportObjects         support objects the provider never released
 * @param clientHandles          client handles with references left after their session ended
 * @param removalPendingBundles  bundles the framework still keeps for removal
 * @param reachableClassLoaders  class loaders of freed libraries that are still reachable
 * @since 1.0
 */
public record LeakReport(List<String> providerObjects, List<String> logons, List<String> supportObjects,
		List<String> clientHandles, List<String> removalPendingBundles, List<String> reachableClassLoaders) {

	/**
	 * Copies the lists.
	 *
	 * @param providerObjects       see the record's description
	 * @param logons                see the record's description
	 * @param supportObjects        see the record's description
	 * @param clientHandles         see the record's description
	 * @param removalPendingBundles see the record's description
	 * @param reachableClassLoaders see the record's description
	 */
	public LeakReport {
		providerObjects = List.copyOf(providerObjects);
		logons = List.copyOf(logons);
		supportObjects = List.copyOf(supportObjects);
		clientHandles = List.copyOf(clientHandles);
		removalPendingBundles = List.copyOf(removalPendingBundles);
		reachableClassLoaders = List.copyOf(reachableClassLoaders);
	}

	/**
	 * @return {@code true} when nothing leaked
	 */
	public boolean isClean() {
		return providerObjects.isEmpty() && logons.isEmpty() && supportObjects.isEmpty() && clientHandles.isEmpty()
				&& removalPendingBundles.isEmpty() && reachableClassLoaders.isEmpty();
	}
}

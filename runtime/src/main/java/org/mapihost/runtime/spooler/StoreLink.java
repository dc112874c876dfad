package org.mapihost.runtime.spooler;

import org.mapihost.api.provider.MessageStore;
import org.mapihost.runtime.provider.CallGate;

/**
 * An open store as the spooler uses it.
 *
 * @param id       the client handle's id, for the trace
 * @param provider the provider's name
 * @param gate     the provider's call gate (a hot unload drains the spooler's calls too)
 * @param store    the provider's store
 * @param close    closes the store for good; the spooler runs it, on its closer thread, when it
 *                 let go of a store its client had already released
 */
public record StoreLink(String id, String provider, CallGate gate, MessageStore store, Runnable close) {
}

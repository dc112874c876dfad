package org.mapihost.runtime.library;

import org.mapihost.api.ProviderKind;

/** One provider a jar declares in its manifest ({@code org.mapihost.provider} capability). */
record ProviderDeclaration(String name, ProviderKind kind, String display) {
}

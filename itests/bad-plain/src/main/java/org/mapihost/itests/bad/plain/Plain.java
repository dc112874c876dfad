package org.mapihost.itests.bad.plain;

/**
 * The whole of a plain bundle: a jar with a manifest and a class, and no provider capability, so
 * the runtime's index must turn it down.
 */
public final class Plain {
	private Plain() {
	}

	/** @return a word, so the class has something to hold */
	public static String word() {
		return "plain";
	}
}

package org.mapihost.runtime.library;

import java.util.List;

/** What the library manager may ask of the sessions, without depending on them. */
public interface SessionView {
	SessionView NONE = new SessionView() {
		@Override
		public int logonsOf(String provider) {
			return 0;
		}

		@Override
		public List<String> leaked(String kind) {
			return List.of();
		}
	};

	/** How many logons of this provider are open in all sessions. */
	int logonsOf(String provider);

	/** The leaked objects of a kind ("provider object", "logon", "support object", "client handle"). */
	List<String> leaked(String kind);
}

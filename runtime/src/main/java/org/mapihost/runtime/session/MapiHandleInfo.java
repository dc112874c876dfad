package org.mapihost.runtime.session;

/** What the shell and leak reports may read of a handle beyond the API. */
public interface MapiHandleInfo {
	int references();
}

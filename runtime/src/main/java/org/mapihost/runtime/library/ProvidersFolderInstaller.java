package org.mapihost.runtime.library;

import java.io.File;
import java.nio.file.Path;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Felix FileInstall's hook into the providers folder: claims every file there, so FileInstall
 * does not install jars itself, and hands new, changed and deleted files to the library
 * manager. FileInstall's polling, debounce and start-up scan are reused as they are. The high
 * ranking puts it before FileInstall's own configuration installer, so a {@code .cfg} dropped
 * into the providers folder is a failed library, not a configuration.
 */
@Component(service = ArtifactInstaller.class, property = { "service.ranking:Integer=1000", "mapihost.installer=providers" })
public class ProvidersFolderInstaller implements ArtifactInstaller {
	private final LibraryManager libraries;

	@Activate
	public ProvidersFolderInstaller(@Reference LibraryManager libraries) {
		this.libraries = libraries;
	}

	@Override
	public boolean canHandle(File artifact) {
		Path parent = LibraryManager.realPath(artifact.toPath()).getParent();
		return parent != null && parent.equals(libraries.folder());
	}

	@Override
	public void install(File artifact) {
		libraries.indexed(artifact.toPath());
	}

	@Override
	public void update(File artifact) {
		libraries.changed(artifact.toPath());
	}

	@Override
	public void uninstall(File artifact) {
		libraries.deleted(artifact.toPath());
	}
}

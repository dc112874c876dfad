package org.mapihost.itests.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.felix.fileinstall.ArtifactInstaller;

/**
 * The operator's hot update, every {@code periodMillis}: a fresh copy of the provider jar
 * replaces the one in the providers folder (copied beside it, then moved over it), and the
 * runtime's installer is told the file changed — what FileInstall does when its poll sees the
 * new file, without waiting for the poll. The runtime then hot-unloads the old revision (rule
 * 5), updates and refreshes the bundle, and starts the new one.
 */
final class HotUpdater implements Runnable {
	private final ArtifactInstaller installer;
	private final Path source;
	private final Path target;
	private final long periodMillis;
	private final ClientFigures figures;
	private final Watchdog watchdog;
	private final BooleanSupplier stop;

	HotUpdater(ArtifactInstaller installer, Path source, Path target, long periodMillis, ClientFigures figures, Watchdog watchdog,
			BooleanSupplier stop) {
		this.installer = installer;
		this.source = source;
		this.target = target;
		this.periodMillis = periodMillis;
		this.figures = figures;
		this.watchdog = watchdog;
		this.stop = stop;
	}

	@Override
	public void run() {
		Path copy = source.resolveSibling(target.getFileName() + ".copy");
		while (!stop.getAsBoolean()) {
			try {
				Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
				Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				installer.update(target.toFile());
				figures.updates.incrementAndGet();
			} catch (IOException e) {
				figures.unexpected("hot update of " + target, new UncheckedIOException(e));
			} catch (Exception | Error e) {
				// ArtifactInstaller.update declares Exception; the runtime's throws none on purpose
				figures.unexpected("hot update of " + target, e);
			}
			watchdog.tick();
			try {
				TimeUnit.MILLISECONDS.sleep(periodMillis);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}

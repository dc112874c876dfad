package org.mapihost.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers the JDK lacks. */
public final class Files2 {
	private Files2() {
	}

	/** Deletes the folder and everything in it, if it exists. */
	public static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				} catch (IOException e) {
					throw new UncheckedIOException("cannot delete " + p, e);
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException("cannot walk " + root, e);
		}
	}

	/** How many regular files the folder holds (0 if it does not exist). */
	public static int countFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return (int) files.count();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
	}
}

package org.mapihost.runtime.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mapihost.api.trace.TraceEvent;

/** Writes each event as one JSON line, flushed per line so a killed host leaves whole lines. */
final class FileSink implements TraceSink {
	private final Path file;
	private final BufferedWriter writer;

	FileSink(Path file) throws IOException {
		this.file = file;
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
	}

	Path file() {
		return file;
	}

	@Override
	public void accept(TraceEvent event) {
		try {
			writer.write(event.toJson());
			writer.newLine();
			writer.flush();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write the trace to " + file, e);
		}
	}

	@Override
	public void close() {
		try {
			writer.close();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot close the trace file " + file, e);
		}
	}
}

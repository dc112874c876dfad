package org.mapihost.host.shell;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The command lines of a script, read as they come (standard input may be a pipe that is still
 * being written), without blank lines and {@code #} comments.
 * <p>
 * A daemon thread reads the input into a queue, so that {@link #close()} can end
 * {@link #next()} at once even while the input blocks. The queue is the only shared state.
 */
final class ScriptSource implements Closeable {
	private static final String END = new String("end of script"); // compared by identity

	private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
	private final BufferedReader reader;
	private final String name;

	private ScriptSource(InputStream in, String name, Charset charset) {
		this.reader = new BufferedReader(new InputStreamReader(in, charset));
		this.name = name;
		Thread thread = new Thread(this::pump, "mapihost script reader");
		thread.setDaemon(true);
		thread.start();
	}

	/** @param script a file path, or "-" for standard input */
	static ScriptSource open(String script) throws IOException {
		if ("-".equals(script)) {
			return of(new FileInputStream(FileDescriptor.in), "standard input", Charset.defaultCharset());
		}
		Path file = Path.of(script);
		return of(Files.newInputStream(file), file.toString(), Charset.defaultCharset());
	}

	static ScriptSource of(InputStream in, String name, Charset charset) {
		return new ScriptSource(in, name, charset);
	}

	String name() {
		return name;
	}

	/**
	 * @return the next command line, trimmed; null at the end of the script or after
	 *         {@link #close()}
	 * @throws IOException when the input could not be read
	 */
	String next() throws IOException, InterruptedException {
		Object line = lines.take();
		if (line == END) {
			lines.add(END); // stay at the end
			return null;
		}
		if (line instanceof IOException e) {
			lines.add(END);
			throw e;
		}
		return (String) line;
	}

	@Override
	public void close() {
		lines.add(END);
		// the reader thread may stay blocked in read(); it is a daemon and ends with the JVM
	}

	private void pump() {
		try (reader) {
			for (String line; (line = reader.readLine()) != null;) {
				String command = commandOf(line);
				if (command != null) {
					lines.add(command);
				}
			}
		} catch (IOException e) {
			lines.add(e);
		} finally {
			lines.add(END);
		}
	}

	/** @return the command on this line, or null for a blank line or a comment */
	static String commandOf(String line) {
		String command = line.strip();
		return command.isEmpty() || command.startsWith("#") ? null : command;
	}
}

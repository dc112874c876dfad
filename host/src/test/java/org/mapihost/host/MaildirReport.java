package org.mapihost.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The messages of some Maildir++ stores as an independent reader sees them: Python's
 * {@code mailbox} module, through {@code maildir_report.py} (a test resource). One row per
 * message file in {@code new/} or {@code cur/} of every folder; {@code problem} is {@code "-"}
 * when the file parses as a complete message. Immutable.
 *
 * @param rows the messages, store by store, folder by folder
 */
record MaildirReport(List<Row> rows) {
	private static final String SCRIPT = "maildir_report.py";
	private static final long TIMEOUT_SECONDS = 60;

	/** One message file. */
	record Row(String store, String folder, String subdir, String key, String subject, String problem) {
		boolean parses() {
			return problem.equals("-");
		}
	}

	/** Copies the reader script into {@code dir} and checks that python3 runs; fails (never skips) when it does not. */
	static Path installScript(Path dir) throws Exception {
		Path script = dir.resolve(SCRIPT);
		try (InputStream in = MaildirReport.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				fail("the test resource " + SCRIPT + " is missing beside " + MaildirReport.class.getName());
			}
			Files.copy(in, script);
		}
		Process version;
		try {
			version = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
		} catch (IOException e) {
			throw new AssertionError("python3 is not on the PATH; the crash test reads the Maildirs with Python's mailbox "
					+ "module as an independent Maildir reader and cannot do without it: " + e, e);
		}
		String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (!version.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || version.exitValue() != 0) {
			fail("python3 --version failed: " + text);
		}
		System.out.println("Maildir reader: " + text + " mailbox module");
		return script;
	}

	/** Runs the reader over the stores, label to Maildir root, in the given order. */
	static MaildirReport read(Path script, Map<String, Path> stores) throws Exception {
		List<String> command = new ArrayList<>(List.of("python3", script.toString()));
		stores.forEach((label, root) -> command.add(label + "=" + root));
		Path output = Files.createTempFile(script.getParent(), "maildir-report", ".txt");
		Process python = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectErrorStream(false).start();
		String errors = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!python.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			python.destroyForcibly();
			fail("the Maildir reader did not finish within " + TIMEOUT_SECONDS + " s: " + command);
		}
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		Files.delete(output);
		if (python.exitValue() != 0 || lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("DONE\t")) {
			fail("the Maildir reader failed (exit " + python.exitValue() + "): " + command + "\n" + errors);
		}
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(0, lines.size() - 1)) {
			String[] f = line.split("\t", -1);
			if (f.length != 7 || !f[0].equals("M")) {
				fail("not a line of the Maildir reader: <" + line + ">");
			}
			rows.add(new Row(f[1], f[2], f[3], f[4], f[5], f[6]));
		}
		int done = Integer.parseInt(lines.get(lines.size() - 1).substring(5).strip());
		if (done != rows.size()) {
			fail("the Maildir reader counted " + done + " messages but listed " + rows.size());
		}
		return new MaildirReport(List.copyOf(rows));
	}

	/** How many times each subject is in the folder, by subject. */
	Map<String, Integer> subjects(String store, String folder) {
		Map<String, Integer> counts = new TreeMap<>();
		rows.stream().filter(r -> r.store.equals(store) && r.folder.equals(folder)).forEach(r -> counts.merge(r.subject, 1, Integer::sum));
		return counts;
	}

	int count(String store, String folder, String subdir) {
		return (int) rows.stream().filter(r -> r.store.equals(store) && r.folder.equals(folder) && r.subdir.equals(subdir)).count();
	}

	List<Row> problems() {
		return rows.stream().filter(r -> !r.parses()).toList();
	}
}

package org.mapihost.host.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptSourceTest {
	@Test
	void blankLinesAndCommentsAreSkipped() {
		assertNull(ScriptSource.commandOf(""));
		assertNull(ScriptSource.commandOf("   \t"));
		assertNull(ScriptSource.commandOf("# a comment"));
		assertNull(ScriptSource.commandOf("   # an indented comment"));
		assertEquals("mapi:init", ScriptSource.commandOf("  mapi:init \r"));
		assertEquals("echo a#b", ScriptSource.commandOf("echo a#b"));
	}

	@Test
	void linesComeInOrderThenTheEnd() throws Exception {
		String script = "# demo\nmapi:init\n\nmapi:logon default\r\n  mapi:uninit";
		try (ScriptSource source = ScriptSource.of(
				new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), "test", StandardCharsets.UTF_8)) {
			List<String> lines = new ArrayList<>();
			for (String line; (line = source.next()) != null;) {
				lines.add(line);
			}
			assertEquals(List.of("mapi:init", "mapi:logon default", "mapi:uninit"), lines);
			assertNull(source.next(), "the end stays the end");
		}
	}

	@Test
	void closeEndsAWaitOnInputThatNeverComes() throws IOException {
		PipedOutputStream writer = new PipedOutputStream();
		try (PipedInputStream pipe = new PipedInputStream(writer);
				ScriptSource source = ScriptSource.of(pipe, "pipe", StandardCharsets.UTF_8)) {
			writer.write("first\n".getBytes(StandardCharsets.UTF_8));
			writer.flush();
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				assertEquals("first", source.next());
				Thread closer = new Thread(source::close);
				closer.start();
				assertNull(source.next());
				closer.join();
			});
		} finally {
			writer.close();
		}
	}
}

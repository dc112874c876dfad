package org.mapihost.api.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TraceEventTest {

	@Test
	void toJsonWritesTheFieldsInOrder() {
		TraceEvent event = new TraceEvent(7, 0, "IMsgStore::StoreLogoff", "s1", "org.mapihost.sample.memstore", "ms1",
				List.of("LOGOFF_ORDERLY"), "S_OK", null);
		assertEquals("{\"seq\":7,\"call\":\"IMsgStore::StoreLogoff\",\"session\":\"s1\","
				+ "\"provider\":\"org.mapihost.sample.memstore\",\"object\":\"ms1\",\"flags\":[\"LOGOFF_ORDERLY\"],"
				+ "\"result\":\"S_OK\"}", event.toJson());
	}

	@Test
	void toJsonWritesParentAndDetailOnlyWhenSet() {
		TraceEvent event = new TraceEvent(8, 7, "IMAPISupport::StoreLogoffTransports", "s1", "p", "sup1",
				List.of("LOGOFF_QUIET"), "MAPI_E_CALL_FAILED", "traffic in progress");
		assertEquals("{\"seq\":8,\"parent\":7,\"call\":\"IMAPISupport::StoreLogoffTransports\",\"session\":\"s1\","
				+ "\"provider\":\"p\",\"object\":\"sup1\",\"flags\":[\"LOGOFF_QUIET\"],"
				+ "\"result\":\"MAPI_E_CALL_FAILED\",\"detail\":\"traffic in progress\"}", event.toJson());
		List<String> keys = new ArrayList<>(parseObject(event.toJson()).keySet());
		assertEquals(List.of("seq", "parent", "call", "session", "provider", "object", "flags", "result", "detail"), keys);

		String plain = new TraceEvent(1, 0, "MAPIInitialize", null, null, "c1", List.of(), "S_OK", null).toJson();
		assertFalse(plain.contains("\"parent\""), plain);
		assertFalse(plain.contains("\"detail\""), plain);
	}

	@Test
	void toJsonWritesNullFieldsAsJsonNull() {
		TraceEvent event = new TraceEvent(1, 0, "MAPIInitialize", null, null, null, List.of(), "S_OK", null);
		assertEquals("{\"seq\":1,\"call\":\"MAPIInitialize\",\"session\":null,\"provider\":null,\"object\":null,"
				+ "\"flags\":[],\"result\":\"S_OK\"}", event.toJson());
		Map<String, Object> parsed = parseObject(event.toJson());
		assertTrue(parsed.containsKey("session") && parsed.get("session") == null);
		assertEquals(List.of(), parsed.get("flags"));
	}

	@Test
	void toJsonWritesSeveralFlags() {
		TraceEvent event = new TraceEvent(2, 1, "IXPLogon::TransportNotify", "s1", "x", "xpl1",
				List.of("NOTIFY_BEGIN_INBOUND", "NOTIFY_BEGIN_OUTBOUND"), "S_OK", null);
		assertTrue(event.toJson().contains("\"flags\":[\"NOTIFY_BEGIN_INBOUND\",\"NOTIFY_BEGIN_OUTBOUND\"]"),
				event.toJson());
	}

	@Test
	void toJsonEscapesQuotesBackslashesAndControlCharacters() {
		String detail = "say \"hi\" in C:\\temp\nline2\r\tend\u0001\u001f\u007f é ✓";
		TraceEvent event = new TraceEvent(3, 0, TraceEvent.VIOLATION, "s\"1", "p\\q", "o\bj", List.of("a\"b", "c\\d"),
				"MAPI_E_CALL_FAILED", detail);
		String json = event.toJson();
		assertTrue(json.contains("\"detail\":\"say \\\"hi\\\" in C:\\\\temp\\nline2\\r\\tend\\u0001\\u001f\u007f é ✓\""),
				json);
		assertTrue(json.contains("\"object\":\"o\\u0008j\""), json);
		assertEquals(-1, json.indexOf('\n'), "one line");
		for (char c : json.toCharArray()) {
			assertTrue(c >= 0x20, "no raw control character in " + json);
		}

		Map<String, Object> parsed = parseObject(json);
		assertEquals(3L, parsed.get("seq"));
		assertEquals("Violation", parsed.get("call"));
		assertEquals("s\"1", parsed.get("session"));
		assertEquals("p\\q", parsed.get("provider"));
		assertEquals("o\bj", parsed.get("object"));
		assertEquals(List.of("a\"b", "c\\d"), parsed.get("flags"));
		assertEquals(detail, parsed.get("detail"));
	}

	@Test
	void everyControlCharacterRoundTrips() {
		StringBuilder all = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			all.append(c);
		}
		TraceEvent event = new TraceEvent(1, 0, "c", null, null, null, List.of(), "S_OK", all.toString());
		assertEquals(all.toString(), parseObject(event.toJson()).get("detail"));
	}

	@Test
	void requiresCallAndResultAndCopiesFlags() {
		assertThrows(NullPointerException.class,
				() -> new TraceEvent(1, 0, null, null, null, null, List.of(), "S_OK", null));
		assertThrows(NullPointerException.class,
				() -> new TraceEvent(1, 0, "c", null, null, null, List.of(), null, null));
		List<String> flags = new ArrayList<>(List.of("A"));
		TraceEvent event = new TraceEvent(1, 0, "c", null, null, null, flags, "S_OK", null);
		flags.add("B");
		assertEquals(List.of("A"), event.flags());
		assertThrows(UnsupportedOperationException.class, () -> event.flags().add("C"));
	}

	// A minimal JSON reader for the shapes toJson writes: an object of numbers, strings, null
	// and arrays of strings. Strict enough that malformed output fails the test.

	private static Map<String, Object> parseObject(String json) {
		Reader reader = new Reader(json);
		Map<String, Object> object = reader.object();
		assertEquals(json.length(), reader.pos, "trailing text in " + json);
		return object;
	}

	private static final class Reader {
		final String text;
		int pos;

		Reader(String text) {
			this.text = text;
		}

		Map<String, Object> object() {
			Map<String, Object> object = new LinkedHashMap<>();
			expect('{');
			if (peek() == '}') {
				pos++;
				return object;
			}
			do {
				String key = string();
				expect(':');
				if (object.containsKey(key)) {
					throw new AssertionError("duplicate key " + key + " in " + text);
				}
				object.put(key, value());
			} while (next() == ',');
			pos--;
			expect('}');
			return object;
		}

		Object value() {
			char c = peek();
			if (c == '"') {
				return string();
			}
			if (c == '[') {
				pos++;
				List<Object> list = new ArrayList<>();
				if (peek() == ']') {
					pos++;
					return list;
				}
				do {
					list.add(value());
				} while (next() == ',');
				pos--;
				expect(']');
				return list;
			}
			if (text.startsWith("null", pos)) {
				pos += 4;
				return null;
			}
			int start = pos;
			while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
				pos++;
			}
			if (start == pos) {
				throw new AssertionError("unexpected '" + c + "' at " + pos + " in " + text);
			}
			return Long.parseLong(text.substring(start, pos));
		}

		String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c < 0x20) {
					throw new AssertionError("raw control character " + (int) c + " in " + text);
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = next();
				switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
					pos += 4;
				}
				default -> throw new AssertionError("bad escape \\" + e + " in " + text);
				}
			}
		}

		char peek() {
			if (pos >= text.length()) {
				throw new AssertionError("unexpected end of " + text);
			}
			return text.charAt(pos);
		}

		char next() {
			char c = peek();
			pos++;
			return c;
		}

		void expect(char c) {
			char actual = next();
			if (actual != c) {
				throw new AssertionError("expected '" + c + "' at " + (pos - 1) + ", got '" + actual + "' in " + text);
			}
		}
	}
}

package org.mapihost.api.trace;

import java.util.List;
import java.util.Objects;

/**
 * One step of the protocol trace (DESIGN.md §5). Immutable.
 *
 * @param seq      1, 2, … in the order the steps began
 * @param parent   the {@code seq} of the step this one happened inside (a provider's call
 *                 on its support object during a runtime call into the provider), or 0
 * @param call     MAPI's name of the call, such as {@code IMsgStore::Release}, or
 *                 {@link #VIOLATION}
 * @param session  the session's id, or {@code null}
 * @param provider the provider's name, or {@code null}
 * @param object   a stable id of the object the call is made on, or {@code null}
 * @param flags    the names of the flags passed, may be empty
 * @param result   the result-code name, such as {@code S_OK}
 * @param detail   a sentence for violations and failures, or {@code null}
 * @since 1.0
 */
public record TraceEvent(long seq, long parent, String call, String session, String provider, String object,
		List<String> flags, String result, String detail) {

	/** The {@code call} of a protocol-violation event. */
	public static final String VIOLATION = "Violation";

	/**
	 * Checks the fields and copies the flags.
	 *
	 * @param seq      see the record's description
	 * @param parent   see the record's description
	 * @param call     see the record's description
	 * @param session  see the record's description
	 * @param provider see the record's description
	 * @param object   see the record's description
	 * @param flags    see the record's description
	 * @param result   see the record's description
	 * @param detail   see the record's description
	 */
	public TraceEvent {
		Objects.requireNonNull(call, "call");
		Objects.requireNonNull(result, "result");
		flags = List.copyOf(flags);
	}

	/**
	 * @return the event as one JSON object on one line, with the fields of DESIGN.md §5
	 *         ({@code parent} and {@code detail} only when set)
	 */
	public String toJson() {
		StringBuilder json = new StringBuilder(160).append("{\"seq\":").append(seq);
		if (parent != 0) {
			json.append(",\"parent\":").append(parent);
		}
		json.append(",\"call\":");
		quote(json, call).append(",\"session\":");
		quote(json, session).append(",\"provider\":");
		quote(json, provider).append(",\"object\":");
		quote(json, object).append(",\"flags\":[");
		for (int i = 0; i < flags.size(); i++) {
			quote(i == 0 ? json : json.append(','), flags.get(i));
		}
		json.append("],\"result\":");
		quote(json, result);
		if (detail != null) {
			quote(json.append(",\"detail\":"), detail);
		}
		return json.append('}').toString();
	}

	private static StringBuilder quote(StringBuilder json, String text) {
		if (text == null) {
			return json.append("null");
		}
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '"' -> json.append("\\\"");
			case '\\' -> json.append("\\\\");
			case '\n' -> json.append("\\n");
			case '\r' -> json.append("\\r");
			case '\t' -> json.append("\\t");
			default -> {
				if (c < 0x20) {
					json.append(String.format("\\u%04x", (int) c));
				} else {
					json.append(c);
				}
			}
			}
		}
		return json.append('"');
	}
}

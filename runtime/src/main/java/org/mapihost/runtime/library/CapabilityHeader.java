package org.mapihost.runtime.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@code Provide-Capability} manifest header into clauses: namespace and attributes
 * (directives are dropped; typed attributes such as {@code a:List<String>} keep their name).
 * Written here because reading an uninstalled jar's header needs no framework, and the
 * framework's own parser is not public API.
 */
final class CapabilityHeader {
	record Clause(String namespace, Map<String, String> attributes) {
	}

	private final String text;
	private int pos;

	private CapabilityHeader(String text) {
		this.text = text;
	}

	static List<Clause> parse(String header) {
		List<Clause> clauses = new ArrayList<>();
		if (header == null || header.isBlank()) {
			return clauses;
		}
		CapabilityHeader parser = new CapabilityHeader(header);
		while (parser.pos < parser.text.length()) {
			clauses.add(parser.clause());
		}
		return clauses;
	}

	private Clause clause() {
		String namespace = token().trim();
		Map<String, String> attributes = new LinkedHashMap<>();
		while (pos < text.length() && text.charAt(pos) == ';') {
			pos++;
			String key = token().trim();
			if (pos + 1 < text.length() && text.charAt(pos) == ':' && text.charAt(pos + 1) != '=') {
				pos++;
				token();
			}
			boolean directive = false;
			if (pos < text.length() && text.charAt(pos) == ':' && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
				directive = true;
				pos += 2;
			} else if (pos < text.length() && text.charAt(pos) == '=') {
				pos++;
			} else {
				throw new IllegalArgumentException("expected '=' after '" + key + "' at " + pos + " in Provide-Capability");
			}
			String value = value();
			if (!directive) {
				attributes.put(key, value);
			}
		}
		if (pos < text.length()) {
			if (text.charAt(pos) != ',') {
				throw new IllegalArgumentException("unexpected '" + text.charAt(pos) + "' at " + pos + " in Provide-Capability");
			}
			pos++;
		}
		if (namespace.isEmpty()) {
			throw new IllegalArgumentException("a Provide-Capability clause without a namespace");
		}
		return new Clause(namespace, attributes);
	}

	private String token() {
		int start = pos;
		while (pos < text.length() && ";,=:".indexOf(text.charAt(pos)) < 0) {
			pos++;
		}
		return text.substring(start, pos);
	}

	private String value() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
		if (pos < text.length() && text.charAt(pos) == '"') {
			StringBuilder value = new StringBuilder();
			pos++;
			while (pos < text.length() && text.charAt(pos) != '"') {
				char c = text.charAt(pos++);
				if (c == '\\' && pos < text.length()) {
					c = text.charAt(pos++);
				}
				value.append(c);
			}
			if (pos >= text.length()) {
				throw new IllegalArgumentException("unterminated quoted value in Provide-Capability");
			}
			pos++;
			return value.toString();
		}
		int start = pos;
		while (pos < text.length() && ";,".indexOf(text.charAt(pos)) < 0) {
			pos++;
		}
		return text.substring(start, pos).trim();
	}
}

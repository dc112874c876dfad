package org.mapihost.itests.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.mapihost.api.trace.TraceEvent;

/**
 * A slice of the runtime's protocol trace, with the queries the tests make and the outline
 * they compare with docs/CONTRACTS.md: one line per step, indented two spaces per level of
 * {@code parent} nesting, with its flags in brackets.
 */
public final class Trace {
	private final List<TraceEvent> events;

	public Trace(List<TraceEvent> events) {
		this.events = List.copyOf(events);
	}

	public List<TraceEvent> events() {
		return events;
	}

	/** The slice without the given calls, for steps whose presence depends on earlier tests. */
	public Trace without(String... calls) {
		Set<String> dropped = Set.of(calls);
		return new Trace(events.stream().filter(e -> !dropped.contains(e.call())).toList());
	}

	/** The slice with only the steps of one session. */
	public Trace session(String session) {
		return new Trace(events.stream().filter(e -> session.equals(e.session())).toList());
	}

	public List<TraceEvent> all(String call) {
		return events.stream().filter(e -> e.call().equals(call)).toList();
	}

	public List<TraceEvent> all(Predicate<TraceEvent> filter) {
		return events.stream().filter(filter).toList();
	}

	public long count(String call) {
		return all(call).size();
	}

	/** The one step of a call; fails unless there is exactly one. */
	public TraceEvent only(String call) {
		List<TraceEvent> found = all(call);
		assertEquals(1, found.size(), () -> "steps " + call + " in\n" + this);
		return found.get(0);
	}

	public List<TraceEvent> violations() {
		return all(TraceEvent.VIOLATION);
	}

	/** A step and every step nested in it, at any depth, in order. */
	public Trace subtree(TraceEvent root) {
		Set<Long> inside = new java.util.HashSet<>(List.of(root.seq()));
		List<TraceEvent> found = new ArrayList<>();
		for (TraceEvent event : events) {
			if (inside.contains(event.seq()) || inside.contains(event.parent())) {
				inside.add(event.seq());
				found.add(event);
			}
		}
		return new Trace(found);
	}

	/** The step a step happened in, or null when it is top level in this slice. */
	public TraceEvent parentOf(TraceEvent event) {
		return events.stream().filter(e -> e.seq() == event.parent()).findFirst().orElse(null);
	}

	/**
	 * Compares the slice with an outline such as
	 *
	 * <pre>
	 * IMsgStore::StoreLogoff [LOGOFF_ORDERLY]
	 *   IMAPISupport::StoreLogoffTransports [LOGOFF_ORDERLY]
	 * IMsgStore::Release
	 * </pre>
	 *
	 * Indentation is nesting; a line with brackets must have exactly those flags, a line
	 * without them may have any.
	 */
	public void assertOutline(String expected) {
		List<String> lines = expected.lines().filter(line -> !line.isBlank()).map(String::stripTrailing).toList();
		int margin = lines.stream().mapToInt(Trace::indent).min().orElse(0);
		List<String> wanted = lines.stream().map(line -> line.substring(margin)).toList();
		assertEquals(String.join("\n", wanted), outline(wanted), () -> "the trace was\n" + this);
	}

	private String outline(List<String> wanted) {
		Map<Long, Integer> depth = new HashMap<>();
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			TraceEvent event = events.get(i);
			int level = depth.containsKey(event.parent()) ? depth.get(event.parent()) + 1 : 0;
			depth.put(event.seq(), level);
			boolean withFlags = i >= wanted.size() || wanted.get(i).endsWith("]");
			lines.add("  ".repeat(level) + event.call() + (withFlags ? " " + event.flags().stream()
					.collect(Collectors.joining(", ", "[", "]")) : ""));
		}
		return String.join("\n", lines);
	}

	private static int indent(String line) {
		int spaces = 0;
		while (spaces < line.length() && line.charAt(spaces) == ' ') {
			spaces++;
		}
		return spaces;
	}

	@Override
	public String toString() {
		return events.stream().map(TraceEvent::toJson).collect(Collectors.joining("\n"));
	}
}

package org.mapihost.providers.addressbook.vcard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Cuts a vCard file into its cards before ez-vcard parses each one on its own. ez-vcard alone
 * reads a card that lacks {@code END:VCARD} as the parent of every later card and drops them;
 * cut apart, one broken card costs only itself. A {@code BEGIN:VCARD} inside an open card
 * starts a new card, unless the line before is an empty vCard 2.1 {@code AGENT} property,
 * whose value is the nested card. Lines are split at LF; CR and trailing blanks are ignored
 * when matching; a folded line (leading blank) never matches. Non-blank lines outside any card
 * are ignored and reported in one warning. Works on bytes, so that one card in a bad encoding
 * is one problem, not a refused file.
 */
final class CardSplitter {
	private static final Pattern EMPTY_AGENT = Pattern.compile("(?i)([^.:;]+\\.)?AGENT(;[^:]*)?:[ \\t]*");

	record Result(List<RawCard> cards, List<CardProblem> problems, List<CardWarning> fileWarnings) {
	}

	private final byte[] file;
	private final int maxCards;
	private final List<RawCard> cards = new ArrayList<>();
	private final List<CardProblem> problems = new ArrayList<>();
	private int cardCount;
	private int depth;
	private int cardStart;
	private int cardLine;
	private boolean agentOpen;
	private int linesOutside;
	private int firstLineOutside;

	private CardSplitter(byte[] file, int maxCards) {
		this.file = file;
		this.maxCards = maxCards;
	}

	static Result split(byte[] file, int maxCards) throws RefusedFileException {
		return new CardSplitter(file, maxCards).run();
	}

	private Result run() throws RefusedFileException {
		int start = hasUtf8Bom() ? 3 : 0;
		for (int lineNumber = 1; start < file.length; lineNumber++) {
			int end = lineEnd(start);
			String line = asciiLine(start, end);
			if (depth == 0) {
				outsideCard(line, start, lineNumber);
			} else {
				insideCard(line, start, end, lineNumber);
			}
			start = end + 1;
		}
		if (depth > 0) {
			problems.add(problem(cardCount - 1, "no END:VCARD for the BEGIN:VCARD on line " + cardLine + " before the end of the file"));
		}
		List<CardWarning> outside = linesOutside == 0 ? List.of() : List.of(new CardWarning(OptionalInt.of(firstLineOutside),
				linesOutside + " line(s) outside BEGIN:VCARD ... END:VCARD ignored, the first on line " + firstLineOutside));
		return new Result(List.copyOf(cards), List.copyOf(problems), outside);
	}

	private void outsideCard(String line, int start, int lineNumber) throws RefusedFileException {
		if (line.equalsIgnoreCase("BEGIN:VCARD")) {
			begin(start, lineNumber);
		} else if (!line.isEmpty() && linesOutside++ == 0) {
			firstLineOutside = lineNumber;
		}
	}

	private void insideCard(String line, int start, int end, int lineNumber) throws RefusedFileException {
		if (line.equalsIgnoreCase("BEGIN:VCARD")) {
			if (agentOpen) {
				depth++;
			} else {
				problems.add(problem(cardCount - 1, "no END:VCARD before the next BEGIN:VCARD on line " + lineNumber));
				begin(start, lineNumber);
			}
		} else if (line.equalsIgnoreCase("END:VCARD") && --depth == 0) {
			cards.add(new RawCard(cardCount - 1, cardLine, Arrays.copyOfRange(file, cardStart, Math.min(end + 1, file.length))));
		}
		agentOpen = EMPTY_AGENT.matcher(line).matches();
	}

	private void begin(int start, int lineNumber) throws RefusedFileException {
		if (cardCount == maxCards) {
			throw new RefusedFileException("it has more than " + maxCards + " cards (the limit); the card on line " + lineNumber
					+ " is one too many");
		}
		cardCount++;
		depth = 1;
		cardStart = start;
		cardLine = lineNumber;
		agentOpen = false;
	}

	private CardProblem problem(int index, String message) {
		return new CardProblem(index, OptionalInt.of(cardLine), message);
	}

	private boolean hasUtf8Bom() {
		return file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF;
	}

	private int lineEnd(int start) {
		int end = start;
		while (end < file.length && file[end] != '\n') {
			end++;
		}
		return end;
	}

	/** The line with CR and trailing blanks removed; bytes outside ASCII become '?', which no keyword has. */
	private String asciiLine(int start, int end) {
		int last = end;
		while (last > start && (file[last - 1] == '\r' || file[last - 1] == ' ' || file[last - 1] == '\t')) {
			last--;
		}
		String line = new String(file, start, last - start, StandardCharsets.US_ASCII);
		return line.replace('\uFFFD', '?');
	}
}

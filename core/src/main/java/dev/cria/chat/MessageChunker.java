package dev.cria.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long answer into messages a platform accepts. Splits at paragraph breaks, then at line
 * breaks, then at spaces, and only as a last resort inside a word. A fenced code block that has to
 * be split is closed at the end of one message and reopened (same language) at the start of the
 * next, so every message renders on its own.
 */
public final class MessageChunker {

  private static final String FENCE = "```";

  private MessageChunker() {}

  public static List<String> split(String text, int limit) {
    if (limit < 40) {
      throw new IllegalArgumentException("limit too small: " + limit);
    }
    List<String> chunks = new ArrayList<>();
    String rest = text.strip();
    String reopenFence = "";
    while (!rest.isEmpty()) {
      String candidate = reopenFence + rest;
      if (candidate.length() <= limit) {
        chunks.add(candidate);
        break;
      }
      // Leave room to close a fence that is open at the cut.
      int budget = limit - reopenFence.length() - FENCE.length() - 1;
      int cut = cutPoint(rest, budget);
      String head = reopenFence + rest.substring(0, cut).stripTrailing();
      String openFence = openFenceAtEnd(head);
      if (openFence != null) {
        head = head + "\n" + FENCE;
        reopenFence = openFence + "\n";
      } else {
        reopenFence = "";
      }
      chunks.add(head);
      rest = rest.substring(cut).stripLeading();
    }
    return chunks;
  }

  private static int cutPoint(String text, int budget) {
    int min = budget / 2;
    for (String separator : new String[] {"\n\n", "\n", " "}) {
      int at = text.lastIndexOf(separator, budget);
      if (at >= min) {
        return at;
      }
    }
    int at = budget;
    if (Character.isHighSurrogate(text.charAt(at - 1))) {
      at--;
    }
    return at;
  }

  /** The opening fence line (e.g. {@code ```java}) if the text ends inside a code block. */
  private static String openFenceAtEnd(String text) {
    String open = null;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith(FENCE)) {
        open = open == null ? trimmed : null;
      }
    }
    return open;
  }
}

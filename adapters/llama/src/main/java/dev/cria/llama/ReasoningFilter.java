package dev.cria.llama;

/**
 * Keeps a reasoning model's thinking out of the answer: text between {@code <think>} and {@code
 * </think>} (as DeepSeek-R1 and Qwen3 write it into {@code content} on Ollama and llama.cpp) is
 * dropped, also when a tag is split over two stream chunks. Thinking sent apart, as {@code
 * reasoning_content} or {@code reasoning}, never reaches this filter: the wire format reads only
 * {@code content}. An unclosed {@code <think>} hides the rest of the answer.
 */
final class ReasoningFilter {

  private static final String OPEN = "<think>";
  private static final String CLOSE = "</think>";

  private final StringBuilder pending = new StringBuilder();
  private boolean thinking;
  private boolean sawThought;

  /** The whole text without its thinking. */
  static String strip(String text) {
    ReasoningFilter filter = new ReasoningFilter();
    String shown = filter.accept(text) + filter.finish();
    return filter.sawThought ? shown.strip() : shown;
  }

  /** The part of this fragment that may be shown now; a possible tag start is held back. */
  String accept(String fragment) {
    pending.append(fragment);
    StringBuilder shown = new StringBuilder();
    while (true) {
      String tag = thinking ? CLOSE : OPEN;
      int at = pending.indexOf(tag);
      if (at >= 0) {
        if (!thinking) {
          shown.append(pending, 0, at);
        }
        pending.delete(0, at + tag.length());
        thinking = !thinking;
        sawThought = true;
        continue;
      }
      int keep = partialTagAtEnd(tag);
      if (!thinking) {
        shown.append(pending, 0, pending.length() - keep);
      }
      pending.delete(0, pending.length() - keep);
      return shown.toString();
    }
  }

  /** Whether any thinking was dropped. */
  boolean sawThought() {
    return sawThought;
  }

  /** What is left at the end of the stream: a held-back partial tag that never completed. */
  String finish() {
    String rest = thinking ? "" : pending.toString();
    pending.setLength(0);
    return rest;
  }

  /** How many characters at the end of {@code pending} could begin {@code tag}. */
  private int partialTagAtEnd(String tag) {
    for (int length = Math.min(tag.length() - 1, pending.length()); length > 0; length--) {
      if (pending.substring(pending.length() - length).equals(tag.substring(0, length))) {
        return length;
      }
    }
    return 0;
  }
}

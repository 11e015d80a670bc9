package dev.cria.slack;

/**
 * The title of an agent thread, made from its first question without a model call: the first line,
 * Slack markup removed, cut at a word to at most {@value #MAX} characters.
 */
final class SlackThreadTitle {

  static final int MAX = 60;

  private SlackThreadTitle() {}

  /** The title for a thread that starts with {@code question}, or null when nothing is left. */
  static String of(String question) {
    if (question == null) {
      return null;
    }
    String line = question.strip().lines().findFirst().orElse("");
    String plain =
        line.replaceAll("<[^>|]*\\|([^>]*)>", "$1")
            .replaceAll("<[^>]*>", "")
            .replaceAll("[*_~`>]", "")
            .replaceAll("\\s+", " ")
            .strip();
    if (plain.isEmpty()) {
      return null;
    }
    if (plain.length() <= MAX) {
      return plain;
    }
    int cut = plain.lastIndexOf(' ', MAX - 1);
    String head = plain.substring(0, cut > MAX / 2 ? cut : MAX - 1).strip();
    return head + "…";
  }
}

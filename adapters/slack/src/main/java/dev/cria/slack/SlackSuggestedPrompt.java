package dev.cria.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * One suggested prompt Slack shows when someone opens Cria's pane: the button's {@code title} and
 * the {@code message} it sends. The operator lists them in {@code CRIA_SLACK_SUGGESTED_PROMPTS}.
 */
public record SlackSuggestedPrompt(String title, String message) {

  static final String VARIABLE = "CRIA_SLACK_SUGGESTED_PROMPTS";

  /** Slack shows at most four. */
  static final int MAX = 4;

  private static final int MAX_TITLE = 75;

  /**
   * Reads {@code title=message|title=message}: up to four prompts separated by {@code |}, each a
   * title, an equals sign and the message (the message may contain further equals signs).
   *
   * @throws IllegalStateException naming {@code CRIA_SLACK_SUGGESTED_PROMPTS} when malformed
   */
  public static List<SlackSuggestedPrompt> parse(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<SlackSuggestedPrompt> prompts = new ArrayList<>();
    for (String entry : value.split("\\|", -1)) {
      int eq = entry.indexOf('=');
      String title = eq < 0 ? "" : entry.substring(0, eq).strip();
      String message = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (title.isEmpty() || message.isEmpty()) {
        throw malformed("each prompt must be title=message, got: " + entry.strip());
      }
      if (title.length() > MAX_TITLE) {
        throw malformed("a title must be at most " + MAX_TITLE + " characters: " + title);
      }
      prompts.add(new SlackSuggestedPrompt(title, message));
    }
    if (prompts.size() > MAX) {
      throw malformed("Slack shows at most " + MAX + " prompts, got " + prompts.size());
    }
    return List.copyOf(prompts);
  }

  private static IllegalStateException malformed(String why) {
    return new IllegalStateException(
        VARIABLE + " must list up to " + MAX + " prompts as title=message|title=message; " + why);
  }
}

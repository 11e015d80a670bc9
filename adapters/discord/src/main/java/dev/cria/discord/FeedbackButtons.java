package dev.cria.discord;

import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The 👍/👎 buttons (and Regenerate, {@link RegenerateButton}) under the last message of a model's
 * answer. Their custom id names the vote and the answer's first message ({@code cria:fb:up:<id>}),
 * which is the message the answer is stored under, so a vote on a long answer's last part still
 * finds it.
 */
final class FeedbackButtons {

  static final String PREFIX = "cria:fb:";

  private FeedbackButtons() {}

  static ActionRow row(String answerMessageId) {
    return ActionRow.of(
        Button.secondary(PREFIX + "up:" + answerMessageId, "👍"),
        Button.secondary(PREFIX + "down:" + answerMessageId, "👎"),
        RegenerateButton.of(answerMessageId));
  }

  /** A click's vote: +1 or -1 and the answer's message, or empty for another button. */
  static Optional<Vote> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = customId.substring(PREFIX.length()).split(":", 2);
    if (parts.length != 2 || parts[1].isBlank()) {
      return Optional.empty();
    }
    return switch (parts[0]) {
      case "up" -> Optional.of(new Vote(1, parts[1]));
      case "down" -> Optional.of(new Vote(-1, parts[1]));
      default -> Optional.empty();
    };
  }

  record Vote(int rating, String answerMessageId) {}
}

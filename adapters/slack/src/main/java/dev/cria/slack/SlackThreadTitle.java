package dev.cria.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The title of an agent thread: first made from its first question without a model call (the first
 * line, Slack markup removed, cut at a word to at most {@value #MAX} characters), then, where the
 * model server offers structured output, the title the core asked the model for after the first
 * answer, cut the same way.
 */
final class SlackThreadTitle {

  private static final Logger LOG = LoggerFactory.getLogger(SlackThreadTitle.class);

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

  /** Renames the thread ({@code agents.sessions.rename}); a failure is logged, nothing more. */
  static void rename(SlackWebApi api, String channel, String threadTs, String title) {
    String cut = of(title);
    if (cut == null || channel == null || threadTs == null) {
      return;
    }
    try {
      api.setTitle(channel, threadTs, cut);
    } catch (SlackCallException e) {
      LOG.info("Could not rename the thread in {} ({})", channel, e.error());
    }
  }
}

package dev.cria.slack;

import java.util.regex.Pattern;

/**
 * Keeps model output from pinging people: {@code <!channel>}, {@code <!here>}, {@code <!everyone>},
 * user-group and user mentions, and the literal {@code @channel}, {@code @here}, {@code @everyone},
 * get an invisible word joiner that breaks Slack's syntax while the text reads the same.
 */
final class SlackMentionGuard {

  static final String WORD_JOINER = "\u2060";

  private static final Pattern SPECIAL_MENTION =
      Pattern.compile("<(?=!(?:channel|here|everyone|subteam\\^)|@[UW][A-Z0-9]|#C[A-Z0-9])");
  private static final Pattern LITERAL_BROADCAST =
      Pattern.compile("(?i)(?<![\\w@])@(?=(?:channel|here|everyone)\\b)");

  private SlackMentionGuard() {}

  /** For Markdown that Slack renders itself (streamed text): breaks mention syntax and pings. */
  static String markdown(String text) {
    return literal(SPECIAL_MENTION.matcher(text).replaceAll("<" + WORD_JOINER));
  }

  /** For text already escaped for mrkdwn, where {@code <} cannot occur: breaks literal pings. */
  static String literal(String text) {
    return LITERAL_BROADCAST.matcher(text).replaceAll("@" + WORD_JOINER);
  }
}

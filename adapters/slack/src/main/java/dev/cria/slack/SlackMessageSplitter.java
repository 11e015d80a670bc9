package dev.cria.slack;

import dev.cria.chat.MessageChunker;
import java.util.List;

/**
 * Turns an answer into the Slack messages that carry it: rendered to mrkdwn, then split at
 * paragraph and code-block boundaries so that each message stays under Slack's comfortable size.
 */
final class SlackMessageSplitter {

  /** Slack truncates {@code chat.update} text at 4,000 characters; stay clearly below. */
  static final int MESSAGE_LIMIT = 3_900;

  private static final String EMPTY_ANSWER = "_(no answer)_";

  private SlackMessageSplitter() {}

  static List<String> messages(String markdown) {
    String mrkdwn = SlackMrkdwnRenderer.render(markdown == null ? "" : markdown);
    List<String> chunks = MessageChunker.split(mrkdwn, MESSAGE_LIMIT);
    return chunks.isEmpty() ? List.of(EMPTY_ANSWER) : chunks;
  }

  /** What a progress update shows: the first message of the answer so far, marked unfinished. */
  static String preview(String markdownSoFar) {
    String first = messages(markdownSoFar).getFirst();
    return first.endsWith("```") ? first + "\n…" : first + " …";
  }
}

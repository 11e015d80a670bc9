package dev.cria.core;

import dev.cria.chat.Reply;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Passes progressive updates on at most once per interval, so streaming stays within the platform's
 * edit rate limits. The final text always goes through. When an update puts the answer into a new
 * message (a stream that starts), its id is passed on to be recorded for crash recovery.
 */
final class ThrottledReply {

  private final Reply reply;
  private final long intervalNanos;
  private final Consumer<String> newMessage;
  private String messageId;
  private long lastUpdate;
  private boolean updated;

  /**
   * @param knownMessageId the message the answer is already in (a placeholder), or null
   * @param newMessage told the id of each further message an update puts the answer in
   */
  ThrottledReply(
      Reply reply, Duration interval, String knownMessageId, Consumer<String> newMessage) {
    this.reply = reply;
    this.intervalNanos = interval.toNanos();
    this.messageId = knownMessageId;
    this.newMessage = newMessage;
  }

  /** Shows {@code textSoFar} unless the last update was too recent. */
  void offer(String textSoFar) {
    long now = System.nanoTime();
    if (updated && now - lastUpdate < intervalNanos) {
      return;
    }
    if (textSoFar.isBlank()) {
      return;
    }
    updated = true;
    lastUpdate = now;
    reply.update(textSoFar);
    String shownIn = reply.messageId();
    if (shownIn != null && !shownIn.equals(messageId)) {
      messageId = shownIn;
      newMessage.accept(shownIn);
    }
  }
}

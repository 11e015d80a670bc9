package dev.cria.core;

import dev.cria.chat.Reply;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Passes progressive updates on at most once per interval, so streaming stays within the platform's
 * edit rate limits. The final text always goes through.
 */
final class ThrottledReply {

  private final Reply reply;
  private final long intervalNanos;
  private final Consumer<String> onMessageId;
  private String messageId;
  private long lastUpdate;
  private boolean updated;

  /**
   * @param knownMessageId the message already recorded for this answer, or null
   * @param onMessageId told each time the answer moves into a message not recorded yet
   */
  ThrottledReply(
      Reply reply, Duration interval, String knownMessageId, Consumer<String> onMessageId) {
    this.reply = reply;
    this.intervalNanos = interval.toNanos();
    this.messageId = knownMessageId;
    this.onMessageId = onMessageId;
  }

  /** Shows {@code textSoFar} unless the last update was too recent. */
  void offer(CharSequence soFar) {
    long now = System.nanoTime();
    if (updated && now - lastUpdate < intervalNanos) {
      return;
    }
    // Copied only when an update is due: once per token, the copies alone were O(n²) in the
    // answer's length.
    send(soFar.toString());
  }

  /** Shows {@code text} now, however recent the last update (a tool step, which is rare). */
  void now(String text) {
    send(text);
  }

  private void send(String textSoFar) {
    long now = System.nanoTime();
    if (textSoFar.isBlank()) {
      return;
    }
    updated = true;
    lastUpdate = now;
    reply.update(textSoFar);
    String current = reply.messageId();
    if (current != null && !current.equals(messageId)) {
      try {
        onMessageId.accept(current);
        messageId = current;
      } catch (StoreException e) {
        // Recorded at the next update, or when the event is handed back (EventWorker).
      }
    }
  }
}

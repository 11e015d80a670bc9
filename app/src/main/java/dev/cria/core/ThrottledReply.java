package dev.cria.core;

import dev.cria.chat.Reply;
import java.time.Duration;

/**
 * Passes progressive updates on at most once per interval, so streaming stays within the platform's
 * edit rate limits. The final text always goes through.
 */
final class ThrottledReply {

  private final Reply reply;
  private final long intervalNanos;
  private long lastUpdate;
  private boolean updated;

  ThrottledReply(Reply reply, Duration interval) {
    this.reply = reply;
    this.intervalNanos = interval.toNanos();
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
  }
}

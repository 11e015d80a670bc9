package dev.cria.chat;

import java.time.Duration;

/** The outbound port: how the core answers on one platform. Each platform adapter provides one. */
public interface ReplyPort {

  Platform platform();

  /**
   * Opens the reply to one event.
   *
   * @param replyAddress the address the adapter put into the {@link ChatEvent}
   * @param resumeMessageId a message an earlier attempt at this event already posted (after a crash
   *     or restart), to be edited instead of posting a new one; null on the first attempt
   */
  Reply open(String replyAddress, String resumeMessageId);

  /** The shortest time between two progressive updates this platform tolerates. */
  default Duration updateInterval() {
    return Duration.ofSeconds(1);
  }
}

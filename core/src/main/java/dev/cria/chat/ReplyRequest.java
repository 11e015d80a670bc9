package dev.cria.chat;

import java.util.Objects;

/**
 * What an adapter needs to open the reply to one attempt at one event.
 *
 * @param address the address the adapter put into the {@link ChatEvent}
 * @param eventId the event's platform id; adapters tag or key the messages they post with it, so
 *     that a later attempt can find them
 * @param attempt how often the event has been claimed, this time included; above 1 an earlier
 *     attempt (a crashed or stopped replica) may have left messages the queue never heard of
 * @param messageId a message an earlier attempt recorded, to be edited instead of posting a new
 *     one; null when none was recorded
 */
public record ReplyRequest(String address, String eventId, int attempt, String messageId) {

  public ReplyRequest {
    Objects.requireNonNull(address, "address");
  }

  /** A first attempt: nothing can have been posted yet. */
  public static ReplyRequest first(String address, String eventId) {
    return new ReplyRequest(address, eventId, 1, null);
  }

  /** Whether an earlier attempt may have posted messages: they are to be found and finished. */
  public boolean takesOver() {
    return attempt > 1;
  }
}

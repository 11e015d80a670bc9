package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ReplyRequest;

/**
 * An event claimed from the durable queue.
 *
 * @param seq its position in the queue; turns it produces carry it
 * @param attempts how often it has been claimed, this time included
 * @param replyMessageId the message an earlier attempt posted, or null
 */
public record QueuedEvent(long seq, ChatEvent event, int attempts, String replyMessageId) {

  /** What the adapter needs to answer this attempt, and to find what earlier ones left. */
  public ReplyRequest replyRequest() {
    return new ReplyRequest(event.replyAddress(), event.eventId(), attempts, replyMessageId);
  }
}

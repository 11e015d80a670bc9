package dev.cria.core;

import dev.cria.chat.ChatEvent;

/**
 * An event claimed from the durable queue.
 *
 * @param seq its position in the queue; turns it produces carry it
 * @param attempts how often it has been claimed, this time included
 * @param replyMessageId the message an earlier attempt posted, or null
 */
public record QueuedEvent(long seq, ChatEvent event, int attempts, String replyMessageId) {}

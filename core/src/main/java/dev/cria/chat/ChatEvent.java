package dev.cria.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One inbound message or command, normalized by a platform adapter.
 *
 * @param conversation the conversation it belongs to
 * @param eventId the platform's delivery id (Slack {@code event_id}, Discord interaction or message
 *     id); deliveries with the same id are answered once
 * @param messageId the platform id of the user's message, used for edits and deletes; null when
 *     there is none (slash commands)
 * @param author who wrote it
 * @param text what they wrote, with the mention of Cria removed
 * @param command the shared command it asks for, or null for a plain message
 * @param time when the platform says it was written
 * @param replyAddress where the answer goes, opaque to the core: only the adapter that made it
 *     reads it (see {@link ReplyPort#open})
 */
public record ChatEvent(
    ConversationKey conversation,
    String eventId,
    String messageId,
    Author author,
    String text,
    Command command,
    Instant time,
    String replyAddress) {

  public ChatEvent {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(replyAddress, "replyAddress");
    text = text == null ? "" : text;
  }

  public Platform platform() {
    return conversation.platform();
  }
}

package dev.cria.chat;

import java.time.Instant;
import java.util.List;
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
 * @param attachments files posted with the message, in the platform's order; empty when none
 * @param addressing what the platform said about whom the message addresses; the core decides from
 *     it whether Cria answers, and in which conversation
 */
public record ChatEvent(
    ConversationKey conversation,
    String eventId,
    String messageId,
    Author author,
    String text,
    Command command,
    Instant time,
    String replyAddress,
    List<Attachment> attachments,
    Addressing addressing) {

  /** An event written to Cria alone (a direct message, a command), with these attachments. */
  public ChatEvent(
      ConversationKey conversation,
      String eventId,
      String messageId,
      Author author,
      String text,
      Command command,
      Instant time,
      String replyAddress,
      List<Attachment> attachments) {
    this(
        conversation,
        eventId,
        messageId,
        author,
        text,
        command,
        time,
        replyAddress,
        attachments,
        Addressing.direct());
  }

  /** An event written to Cria alone, without attachments. */
  public ChatEvent(
      ConversationKey conversation,
      String eventId,
      String messageId,
      Author author,
      String text,
      Command command,
      Instant time,
      String replyAddress) {
    this(conversation, eventId, messageId, author, text, command, time, replyAddress, List.of());
  }

  public ChatEvent {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(replyAddress, "replyAddress");
    text = text == null ? "" : text;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    addressing = addressing == null ? Addressing.direct() : addressing;
  }

  /** The same event asking for a command instead (a bare mention asks for help). */
  public ChatEvent withCommand(Command newCommand) {
    return new ChatEvent(
        conversation,
        eventId,
        messageId,
        author,
        text,
        newCommand,
        time,
        replyAddress,
        attachments,
        addressing);
  }

  /** The same event in another conversation (a reply chain continues the one it replies to). */
  public ChatEvent inConversation(ConversationKey newConversation) {
    return new ChatEvent(
        newConversation,
        eventId,
        messageId,
        author,
        text,
        command,
        time,
        replyAddress,
        attachments,
        addressing);
  }

  /** The same event by the same author under the name the platform shows for them. */
  public ChatEvent withAuthorName(String displayName) {
    return new ChatEvent(
        conversation,
        eventId,
        messageId,
        new Author(author.id(), displayName, author.bot(), author.roles()),
        text,
        command,
        time,
        replyAddress,
        attachments,
        addressing);
  }

  public Platform platform() {
    return conversation.platform();
  }
}

package dev.cria.slack;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;

/** What one Slack event says, as read by {@link SlackEventMapper}. */
public sealed interface SlackInbound {

  /**
   * A new message someone might have meant for Cria; the core decides from its {@link
   * ChatEvent#addressing()} and author whether Cria answers.
   */
  record Message(ChatEvent event) implements SlackInbound {}

  /** A user edited a message. */
  record Edit(ConversationKey conversation, Addressing addressing, String messageId, String newText)
      implements SlackInbound {}

  /** A user deleted a message. */
  record Delete(ConversationKey conversation, String messageId) implements SlackInbound {}

  /** Nothing for Cria; the reason goes to the debug log. */
  record Skip(String reason) implements SlackInbound {}
}

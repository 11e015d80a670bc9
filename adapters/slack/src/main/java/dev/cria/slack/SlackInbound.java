package dev.cria.slack;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;

/** What one Slack event means for Cria, as decided by {@link SlackEventMapper}. */
public sealed interface SlackInbound {

  /**
   * A message for Cria.
   *
   * @param followUp true for a thread reply without a mention: answered only when Cria already
   *     takes part in the thread
   */
  record Message(ChatEvent event, boolean followUp) implements SlackInbound {}

  /** A user edited a message. */
  record Edit(ConversationKey conversation, String messageId, String newText)
      implements SlackInbound {}

  /** A user deleted a message. */
  record Delete(ConversationKey conversation, String messageId) implements SlackInbound {}

  /** Nothing for Cria; the reason goes to the debug log. */
  record Skip(String reason) implements SlackInbound {}
}

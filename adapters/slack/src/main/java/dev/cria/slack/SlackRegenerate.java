package dev.cria.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.time.Instant;

/**
 * A click on an answer's Regenerate button ({@link SlackFeedbackBlocks#REGENERATE_ACTION_ID}) as a
 * {@link Command.Regenerate} event of the answer's conversation. It goes through the queue like a
 * question (dedupe on the click's {@code trigger_id}, access lists, quotas); the core decides
 * whether the answer may be regenerated and writes the new one into the answer's message.
 */
final class SlackRegenerate {

  private SlackRegenerate() {}

  /** The event, or null when the click lacks its message, channel, team or user. */
  static ChatEvent toEvent(BlockActionPayload payload, BlockActionPayload.Action action) {
    var container = payload.getContainer();
    String messageTs = container == null ? null : container.getMessageTs();
    String channel = container == null ? null : container.getChannelId();
    String team = payload.getTeam() == null ? null : payload.getTeam().getId();
    String user = payload.getUser() == null ? null : payload.getUser().getId();
    if (messageTs == null || channel == null || team == null || user == null) {
      return null;
    }
    String thread = container.getThreadTs();
    String answerTs =
        action.getValue() == null || action.getValue().isBlank() ? messageTs : action.getValue();
    String eventId =
        "regenerate-" + (payload.getTriggerId() != null ? payload.getTriggerId() : answerTs);
    ConversationKey key = new ConversationKey(Platform.SLACK, team, channel, thread);
    String name = payload.getUser().getName() != null ? payload.getUser().getName() : user;
    return new ChatEvent(
        key,
        eventId,
        null,
        Author.human(user, name),
        "",
        new Command.Regenerate(answerTs),
        Instant.now(),
        SlackReplyAddress.thread(channel, thread, user, team).asked(answerTs).encode());
  }
}

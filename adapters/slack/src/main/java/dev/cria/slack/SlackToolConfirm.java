package dev.cria.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.time.Instant;

/**
 * A click on Run or Cancel under a confirmation request ({@link SlackConfirmBlocks}) as a {@link
 * Command.ConfirmTool} event of the request's conversation, through the queue like Regenerate
 * (dedupe on the click's {@code trigger_id}). The answer after Run is posted as a new reply in the
 * thread; the core decides whether the click counts.
 */
final class SlackToolConfirm {

  private SlackToolConfirm() {}

  /** Whether the action is one of these buttons. */
  static boolean isConfirm(BlockActionPayload.Action action) {
    return SlackConfirmBlocks.RUN_ACTION_ID.equals(action.getActionId())
        || SlackConfirmBlocks.CANCEL_ACTION_ID.equals(action.getActionId());
  }

  /** The event, or null when the click lacks its message, channel, team, user or pending id. */
  static ChatEvent toEvent(BlockActionPayload payload, BlockActionPayload.Action action) {
    var container = payload.getContainer();
    String messageTs = container == null ? null : container.getMessageTs();
    String channel = container == null ? null : container.getChannelId();
    String team = payload.getTeam() == null ? null : payload.getTeam().getId();
    String user = payload.getUser() == null ? null : payload.getUser().getId();
    String pendingId = action.getValue();
    if (messageTs == null
        || channel == null
        || team == null
        || user == null
        || pendingId == null
        || pendingId.isBlank()) {
      return null;
    }
    String thread = container.getThreadTs();
    boolean run = SlackConfirmBlocks.RUN_ACTION_ID.equals(action.getActionId());
    String eventId =
        "tool-" + (payload.getTriggerId() != null ? payload.getTriggerId() : pendingId);
    ConversationKey key = new ConversationKey(Platform.SLACK, team, channel, thread);
    String name = payload.getUser().getName() != null ? payload.getUser().getName() : user;
    return new ChatEvent(
        key,
        eventId,
        null,
        Author.human(user, name),
        "",
        new Command.ConfirmTool(pendingId, run),
        Instant.now(),
        SlackReplyAddress.thread(channel, thread, user, team).encode());
  }
}

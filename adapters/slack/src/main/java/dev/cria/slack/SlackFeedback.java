package dev.cria.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on the buttons under an answer ({@link SlackFeedbackBlocks}): a vote is stored on the
 * answer whose message was clicked; Regenerate goes to the queue ({@link SlackRegenerate}), and so
 * do Run and Cancel under a confirmation request ({@link SlackToolConfirm}). Other block actions
 * are not Cria's.
 */
final class SlackFeedback {

  private static final Logger LOG = LoggerFactory.getLogger(SlackFeedback.class);

  private SlackFeedback() {}

  /** Whether the payload was a click on Cria's buttons (stored when its answer is known). */
  static boolean receive(BlockActionPayload payload, ConversationService conversations) {
    if (payload.getActions() == null) {
      return false;
    }
    for (BlockActionPayload.Action action : payload.getActions()) {
      if (SlackToolConfirm.isConfirm(action)) {
        ChatEvent event = SlackToolConfirm.toEvent(payload, action);
        if (event == null) {
          LOG.warn("A tool confirmation click without its message, channel, user or id, skipped");
        } else {
          LOG.info("Tool confirmation {}: {}", event.eventId(), conversations.accept(event));
        }
        return true;
      }
      if (SlackFeedbackBlocks.REGENERATE_ACTION_ID.equals(action.getActionId())) {
        ChatEvent event = SlackRegenerate.toEvent(payload, action);
        if (event == null) {
          LOG.warn("A Regenerate click without its message, channel, team or user, skipped");
        } else {
          LOG.info("Regenerate {}: {}", event.eventId(), conversations.accept(event));
        }
        return true;
      }
      if (!SlackFeedbackBlocks.ACTION_ID.equals(action.getActionId())) {
        continue;
      }
      int rating = SlackFeedbackBlocks.UP.equals(action.getValue()) ? 1 : -1;
      String messageTs =
          payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
      String user = payload.getUser() == null ? null : payload.getUser().getId();
      if (messageTs == null
          || user == null
          || !(SlackFeedbackBlocks.UP.equals(action.getValue())
              || SlackFeedbackBlocks.DOWN.equals(action.getValue()))) {
        LOG.warn("A feedback click without its message, user or value, skipped");
        return true;
      }
      if (!conversations.feedback(Platform.SLACK, messageTs, user, rating)) {
        LOG.info("Feedback on message {}, which holds no stored answer, skipped", messageTs);
      }
      return true;
    }
    return false;
  }
}

package dev.cria.slack;

import com.google.gson.JsonObject;
import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationService;
import dev.cria.chat.ConversationService.Acceptance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands one Events API event to the core before Slack gets its ack: new messages go to {@link
 * ConversationService#accept} (which decides whether Cria answers, then stores, deduplicates on
 * {@code event_id} and queues), edits and deletes are applied, the rest skipped. No Slack call is
 * made here: the author's name is looked up by the worker. Throws when the core could not store the
 * event, so that Slack delivers it again.
 */
final class SlackEventReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(SlackEventReceiver.class);

  private final ConversationService conversations;
  private final boolean replyInThreads;
  private final SlackAgentSurface agent;

  SlackEventReceiver(
      ConversationService conversations, boolean replyInThreads, SlackAgentSurface agent) {
    this.conversations = conversations;
    this.replyInThreads = replyInThreads;
    this.agent = agent;
  }

  @SuppressWarnings("try") // the MDC entry lives as long as the try block, unreferenced
  void receive(JsonObject envelope, String botUserId) {
    String eventId = SlackEventMapper.string(envelope, "event_id");
    JsonObject event = SlackEventMapper.object(envelope, "event");
    if (event != null && agent.handles(event)) {
      return;
    }
    SlackInbound inbound;
    try {
      inbound = SlackEventMapper.map(envelope, botUserId);
    } catch (RuntimeException e) {
      LOG.warn("Slack event {} could not be read, skipped: {}", eventId, e.toString());
      return;
    }
    try (var ignored = MDC.putCloseable("event", eventId)) {
      switch (inbound) {
        case SlackInbound.Message message -> message(message);
        case SlackInbound.Edit edit ->
            conversations.edited(
                edit.conversation(), edit.addressing(), edit.messageId(), edit.newText());
        case SlackInbound.Delete delete ->
            conversations.deleted(delete.conversation(), delete.messageId());
        case SlackInbound.Skip skip -> LOG.debug("Slack event skipped: {}", skip.reason());
      }
    }
  }

  @SuppressWarnings("try") // the MDC entry lives as long as the try block, unreferenced
  private void message(SlackInbound.Message message) {
    ChatEvent event = message.event();
    try (var ignored = MDC.putCloseable("conversation", event.conversation().toString())) {
      if (!replyInThreads && followUp(event.addressing())) {
        LOG.debug("Thread reply without a mention, skipped (SLACK_REPLY_IN_THREADS=false)");
        return;
      }
      Acceptance acceptance = conversations.accept(event);
      LOG.debug("Slack message {}", acceptance);
      if (acceptance == Acceptance.ACCEPTED
          && event.conversation().thread() == null
          && event.command() == null) {
        // A top-level DM: in Slack's agent messaging each one starts a thread of its own.
        agent.started(event);
      }
    }
  }

  /** A thread reply without a mention: the operator may have Cria answer only when mentioned. */
  private static boolean followUp(Addressing addressing) {
    return addressing.place() == Addressing.Place.THREAD && !addressing.mentioned();
  }
}

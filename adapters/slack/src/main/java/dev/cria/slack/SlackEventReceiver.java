package dev.cria.slack;

import com.google.gson.JsonObject;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationService;
import dev.cria.chat.ConversationService.Acceptance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands one Events API event to the core before Slack gets its ack: new messages are accepted
 * (stored, deduplicated on {@code event_id}, queued), edits and deletes applied, the rest skipped.
 * Throws when the core could not store the event, so that Slack delivers it again.
 */
final class SlackEventReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(SlackEventReceiver.class);

  private final ConversationService conversations;
  private final SlackUserNames names;
  private final boolean replyInThreads;
  private final SlackAgentSurface agent;

  SlackEventReceiver(
      ConversationService conversations,
      SlackUserNames names,
      boolean replyInThreads,
      SlackAgentSurface agent) {
    this.conversations = conversations;
    this.names = names;
    this.replyInThreads = replyInThreads;
    this.agent = agent;
  }

  @SuppressWarnings("try") // the MDC entry lives as long as the try block, unreferenced
  void receive(JsonObject envelope, String botUserId) {
    String eventId = SlackEventMapper.string(envelope, "event_id");
    JsonObject event = SlackEventMapper.object(envelope, "event");
    if (event != null && agent.handles(event, SlackEventMapper.string(envelope, "team_id"))) {
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
            conversations.edited(edit.conversation(), edit.messageId(), edit.newText());
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
      if (message.followUp() && !(replyInThreads && conversations.isActive(event.conversation()))) {
        LOG.debug("Thread reply in a thread Cria is not part of, skipped");
        return;
      }
      Acceptance acceptance = conversations.accept(named(event));
      LOG.debug("Slack message {}", acceptance);
      if (acceptance == Acceptance.ACCEPTED
          && event.conversation().thread() == null
          && event.command() == null) {
        // A top-level DM: in Slack's agent messaging each one starts a thread of its own.
        agent.started(event);
      }
    }
  }

  private ChatEvent named(ChatEvent event) {
    Author author = event.author();
    if (author.displayName() != null) {
      return event;
    }
    return new ChatEvent(
        event.conversation(),
        event.eventId(),
        event.messageId(),
        new Author(author.id(), names.nameOf(author.id()), author.bot()),
        event.text(),
        event.command(),
        event.time(),
        event.replyAddress(),
        event.attachments());
  }
}

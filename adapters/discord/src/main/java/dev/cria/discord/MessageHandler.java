package dev.cria.discord;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationService;
import java.util.Optional;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.exceptions.ParsingException;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles messages: every message a person writes goes to the core, which decides whether Cria
 * answers (mentions, replies to its answers, messages in its threads and DMs); edits and deletes
 * update the stored turns.
 */
final class MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

  private final ConversationService conversations;
  private final DiscordEventMapper mapper;

  MessageHandler(ConversationService conversations, DiscordEventMapper mapper) {
    this.conversations = conversations;
    this.mapper = mapper;
  }

  void received(MessageReceivedEvent event) {
    String selfId = event.getJDA().getSelfUser().getId();
    Optional<ChatEvent> chat;
    try {
      chat =
          mapper.message(payload(event.getRawData()), ChannelPlace.of(event.getChannel()), selfId);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Discord message {} could not be read, skipped: {}",
          event.getMessageId(),
          e.getMessage());
      return;
    }
    chat.ifPresent(this::accept);
  }

  void updated(MessageUpdateEvent event) {
    if (event.getAuthor().isBot()) {
      // Cria edits its own answers as they stream: bots' edits never change a turn.
      return;
    }
    DataObject message = payload(event.getRawData());
    String selfId = event.getJDA().getSelfUser().getId();
    String text = DiscordEventMapper.withoutMention(message.getString("content", ""), selfId);
    if (text.isEmpty()) {
      // No text to take over (or none visible without the Message Content intent).
      return;
    }
    ChannelPlace place = ChannelPlace.of(event.getChannel());
    try {
      conversations.edited(
          DiscordEventMapper.conversationNamed(message, place),
          DiscordEventMapper.addressing(message, place, selfId),
          event.getMessageId(),
          text);
    } catch (IllegalArgumentException | ParsingException e) {
      LOG.warn(
          "Discord edit {} could not be read, skipped: {}", event.getMessageId(), e.getMessage());
    }
  }

  void deleted(MessageDeleteEvent event) {
    ChannelPlace place = ChannelPlace.of(event.getChannel());
    conversations.deleted(place.startedBy(event.getMessageId()), event.getMessageId());
  }

  private void accept(ChatEvent chat) {
    MDC.put("conversation", chat.conversation().toString());
    MDC.put("event", chat.eventId());
    try {
      LOG.debug("message {}", conversations.accept(chat));
    } catch (RuntimeException e) {
      LOG.error("Could not accept a Discord message", e);
    } finally {
      MDC.remove("conversation");
      MDC.remove("event");
    }
  }

  private static DataObject payload(DataObject frame) {
    return frame.getObject("d");
  }
}

package dev.cria.discord;

import dev.cria.chat.Attachment;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.CommandParser;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.exceptions.ParsingException;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Turns Discord gateway payloads ({@code MESSAGE_CREATE}, {@code INTERACTION_CREATE}) into {@link
 * ChatEvent}s: decides which messages are for Cria, names their conversation and strips the
 * mention. Pure apart from the two conversation lookups it asks the core.
 *
 * <p>Public for the property tests in {@code dev.cria.discord.fuzz}, which feed it arbitrary and
 * mutated payloads.
 */
public final class DiscordEventMapper {

  /** Discord message types a person writes: DEFAULT and REPLY. */
  private static final Set<Integer> USER_MESSAGE_TYPES = Set.of(0, 19);

  private final ConversationService conversations;

  public DiscordEventMapper(ConversationService conversations) {
    this.conversations = conversations;
  }

  /**
   * The event for a message, or empty when it is not for Cria: a bot wrote it, or it sits in a
   * channel without mentioning Cria or replying to one of its answers, or in a thread Cria has not
   * joined.
   *
   * @throws IllegalArgumentException when the payload lacks a field a message needs, or holds one
   *     of the wrong type; nothing else is thrown
   */
  public Optional<ChatEvent> message(DataObject message, ChannelPlace place, String selfId) {
    try {
      return readMessage(message, place, selfId);
    } catch (ParsingException | DateTimeException e) {
      throw unreadable("message", e);
    }
  }

  private Optional<ChatEvent> readMessage(DataObject message, ChannelPlace place, String selfId) {
    DataObject author = message.getObject("author");
    if (author.getBoolean("bot") || author.getString("id").equals(selfId)) {
      return Optional.empty();
    }
    if (!USER_MESSAGE_TYPES.contains(message.getInt("type", 0))) {
      return Optional.empty();
    }
    String messageId = message.getString("id");
    boolean mentioned = mentions(message, selfId);
    String text = withoutMention(message.getString("content", ""), selfId);
    List<Attachment> attachments = attachments(message);
    if (text.isEmpty() && !mentioned && place.kind() != ChannelPlace.Kind.DM) {
      // Without the Message Content intent, other people's messages arrive with no text.
      return Optional.empty();
    }
    Optional<ConversationKey> conversation =
        switch (place.kind()) {
          case DM -> Optional.of(place.key());
          case THREAD ->
              mentioned || conversations.isActive(place.key())
                  ? Optional.of(place.key())
                  : Optional.<ConversationKey>empty();
          case CHANNEL ->
              answerRepliedTo(message)
                  .or(() -> mentioned ? Optional.of(place.startedBy(messageId)) : Optional.empty());
        };
    String dmUser = place.kind() == ChannelPlace.Kind.DM ? author.getString("id") : null;
    return conversation.map(
        key ->
            new ChatEvent(
                key,
                messageId,
                messageId,
                author(author, message.optObject("member").orElse(null)),
                text,
                CommandParser.parse(text).orElse(null),
                OffsetDateTime.parse(message.getString("timestamp")).toInstant(),
                new ReplyAddress.ToChannel(place.channelId(), messageId, dmUser).encode(),
                attachments));
  }

  /** The files attached to a message, downloaded later from their CDN {@code url}. */
  static List<Attachment> attachments(DataObject message) {
    DataArray array = message.optArray("attachments").orElseGet(DataArray::empty);
    List<Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < array.length(); i++) {
      DataObject attachment = array.getObject(i);
      if (attachment.isNull("url")) {
        continue;
      }
      attachments.add(
          new Attachment(
              attachment.getString("filename", null),
              attachment.getString("content_type", null),
              Math.max(0, attachment.getLong("size", 0)),
              attachment.getString("url")));
    }
    return List.copyOf(attachments);
  }

  /**
   * The conversation an edited message belongs to, as far as the payload tells: the thread or DM,
   * the answer it replies to, or the conversation it started with a mention.
   */
  public ConversationKey editedConversation(DataObject message, ChannelPlace place) {
    if (place.kind() != ChannelPlace.Kind.CHANNEL) {
      return place.key();
    }
    try {
      return answerRepliedTo(message).orElseGet(() -> place.startedBy(message.getString("id")));
    } catch (ParsingException e) {
      throw unreadable("edited message", e);
    }
  }

  /** Strips every mention of Cria from a message's text. */
  static String withoutMention(String content, String selfId) {
    return content.replaceAll("[ \\t]*<@!?" + Pattern.quote(selfId) + ">[ \\t]*", " ").strip();
  }

  /**
   * The event for a slash command.
   *
   * @param threadId the thread {@code /chat} opened for it, or null
   * @throws IllegalArgumentException when the payload lacks a field an interaction needs
   */
  public ChatEvent interaction(DataObject interaction, String threadId) {
    try {
      return readInteraction(interaction, threadId);
    } catch (ParsingException | DateTimeException e) {
      throw unreadable("interaction", e);
    }
  }

  private ChatEvent readInteraction(DataObject interaction, String threadId) {
    String id = interaction.getString("id");
    ChannelPlace place = ChannelPlace.ofInteraction(interaction);
    DataObject data = interaction.getObject("data");
    SlashInvocation invocation = SlashInvocation.of(data);
    boolean summarizeMessage = invocation.name().equals(DiscordSlashCommands.SUMMARIZE_THREAD);
    boolean aboutMessage = MessageQuestion.isMessageCommand(data) && !summarizeMessage;
    ConversationKey conversation =
        switch (invocation.name()) {
          case DiscordSlashCommands.ASK, DiscordSlashCommands.ASK_CRIA -> place.startedBy(id);
          case DiscordSlashCommands.SUMMARIZE_THREAD ->
              place.startedBy(data.getString("target_id"));
          case DiscordSlashCommands.CHAT ->
              threadId != null ? place.key().inThread(threadId) : place.startedBy(id);
          default -> place.key();
        };
    String address =
        threadId != null
            ? new ReplyAddress.ToChannel(threadId, null, null).encode()
            : new ReplyAddress.ToInteraction(id, place.channelId(), interaction.getString("token"))
                .encode();
    DataObject member = interaction.optObject("member").orElse(null);
    DataObject user = member != null ? member.getObject("user") : interaction.getObject("user");
    Command command =
        summarizeMessage
            ? new Command.Summarize(data.getString("target_id"))
            : invocation.command();
    return new ChatEvent(
        conversation,
        id,
        null,
        author(user, member),
        aboutMessage
            ? MessageQuestion.of(data)
            : command == null ? invocation.option("prompt") : invocation.text(),
        aboutMessage ? null : command,
        snowflakeTime(id),
        address);
  }

  private Optional<ConversationKey> answerRepliedTo(DataObject message) {
    return message
        .optObject("message_reference")
        .filter(reference -> !reference.isNull("message_id"))
        .flatMap(
            reference ->
                conversations.conversationOfMessage(
                    Platform.DISCORD, reference.getString("message_id")));
  }

  private static boolean mentions(DataObject message, String selfId) {
    DataArray mentions = message.optArray("mentions").orElseGet(DataArray::empty);
    for (int i = 0; i < mentions.length(); i++) {
      if (mentions.getObject(i).getString("id").equals(selfId)) {
        return true;
      }
    }
    return false;
  }

  private static Author author(DataObject user, DataObject member) {
    String name =
        member != null && !member.isNull("nick")
            ? member.getString("nick")
            : !user.isNull("global_name")
                ? user.getString("global_name")
                : user.getString("username");
    List<String> roles = new ArrayList<>();
    DataArray held =
        member == null ? DataArray.empty() : member.optArray("roles").orElseGet(DataArray::empty);
    for (int i = 0; i < held.length(); i++) {
      roles.add(held.getString(i));
    }
    return new Author(user.getString("id"), name, user.getBoolean("bot"), roles);
  }

  /** What the public methods throw for a payload without what they need. */
  private static IllegalArgumentException unreadable(String what, RuntimeException e) {
    return new IllegalArgumentException("unreadable Discord " + what + ": " + e.getMessage(), e);
  }

  static Instant snowflakeTime(String id) {
    return TimeUtil.getTimeCreated(Long.parseUnsignedLong(id)).toInstant();
  }
}

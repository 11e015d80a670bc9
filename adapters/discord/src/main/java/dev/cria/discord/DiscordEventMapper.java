package dev.cria.discord;

import dev.cria.chat.Addressing;
import dev.cria.chat.Attachment;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.CommandParser;
import dev.cria.chat.ConversationKey;
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
 * ChatEvent}s saying what the platform said: the conversation the place names, whether Cria is
 * mentioned, the message replied to, the author's bot flag, the text without the mention. Pure: it
 * asks nobody; whether Cria answers, and whether a reply continues one of its conversations, is the
 * core's decision ({@code AddressingRules}).
 *
 * <p>Public for the property tests in {@code dev.cria.discord.fuzz}, which feed it arbitrary and
 * mutated payloads.
 */
public final class DiscordEventMapper {

  /** Discord message types a person writes: DEFAULT and REPLY. */
  private static final Set<Integer> USER_MESSAGE_TYPES = Set.of(0, 19);

  /**
   * The event for a message, or empty when it is not one a person wrote (Discord's system
   * messages). Bots' messages, Cria's among them, are handed over with the author's bot flag set.
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
    if (!USER_MESSAGE_TYPES.contains(message.getInt("type", 0))) {
      return Optional.empty();
    }
    DataObject author = message.getObject("author");
    String messageId = message.getString("id");
    String text = withoutMention(message.getString("content", ""), selfId);
    String dmUser = place.kind() == ChannelPlace.Kind.DM ? author.getString("id") : null;
    return Optional.of(
        new ChatEvent(
            conversationNamed(message, place),
            messageId,
            messageId,
            author(author, message.optObject("member").orElse(null), fromBot(author, selfId)),
            text,
            CommandParser.parse(text).orElse(null),
            OffsetDateTime.parse(message.getString("timestamp")).toInstant(),
            new ReplyAddress.ToChannel(place.channelId(), messageId, dmUser).encode(),
            attachments(message),
            addressing(message, place, selfId)));
  }

  /**
   * What the message says about whom it addresses: a DM is written to Cria; in a thread or a
   * channel, whether it mentions Cria, and in a channel the message it replies to.
   *
   * @throws IllegalArgumentException when the payload holds a field of the wrong type
   */
  public static Addressing addressing(DataObject message, ChannelPlace place, String selfId) {
    try {
      return switch (place.kind()) {
        case DM -> Addressing.direct();
        case THREAD -> Addressing.inThread(mentions(message, selfId));
        case CHANNEL -> Addressing.inChannel(mentions(message, selfId), repliedTo(message));
      };
    } catch (ParsingException e) {
      throw unreadable("message", e);
    }
  }

  /** Whether a bot wrote the message, Cria included: the one bot check of the Discord adapter. */
  static boolean fromBot(DataObject author, String selfId) {
    return author.getBoolean("bot") || author.getString("id").equals(selfId);
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
   * The conversation a message names, as far as the payload tells: the thread or DM, or, in a
   * channel, the conversation it starts (a reply to one of Cria's answers continues that answer's
   * instead, which the core knows: see {@link #addressing}).
   */
  public static ConversationKey conversationNamed(DataObject message, ChannelPlace place) {
    try {
      return place.startedBy(message.getString("id"));
    } catch (ParsingException e) {
      throw unreadable("message", e);
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
    boolean aboutMessage = MessageQuestion.isMessageCommand(data);
    ConversationKey conversation =
        switch (invocation.name()) {
          case DiscordSlashCommands.ASK, DiscordSlashCommands.ASK_CRIA -> place.startedBy(id);
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
    Command command = invocation.command();
    return new ChatEvent(
        conversation,
        id,
        null,
        author(user, member, user.getBoolean("bot")),
        aboutMessage
            ? MessageQuestion.of(data)
            : command == null ? invocation.option("prompt") : invocation.text(),
        aboutMessage ? null : command,
        snowflakeTime(id),
        address);
  }

  /** The id of the message this one replies to, or null. */
  private static String repliedTo(DataObject message) {
    return message
        .optObject("message_reference")
        .filter(reference -> !reference.isNull("message_id"))
        .map(reference -> reference.getString("message_id"))
        .orElse(null);
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

  private static Author author(DataObject user, DataObject member, boolean bot) {
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
    return new Author(user.getString("id"), name, bot, roles);
  }

  /** What the public methods throw for a payload without what they need. */
  private static IllegalArgumentException unreadable(String what, RuntimeException e) {
    return new IllegalArgumentException("unreadable Discord " + what + ": " + e.getMessage(), e);
  }

  static Instant snowflakeTime(String id) {
    return TimeUtil.getTimeCreated(Long.parseUnsignedLong(id)).toInstant();
  }
}

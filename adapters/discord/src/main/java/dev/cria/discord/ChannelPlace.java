package dev.cria.discord;

import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.util.Objects;
import java.util.Set;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Where a message or command was written: a guild channel, a thread under one, or a DM channel.
 *
 * @param guildId null for DMs
 * @param channelId the channel itself (the thread, for threads)
 * @param parentId the channel a thread belongs to; null unless {@code kind} is THREAD
 */
public record ChannelPlace(Kind kind, String guildId, String channelId, String parentId) {

  /** The Discord channel types Cria answers in. */
  public enum Kind {
    CHANNEL,
    THREAD,
    DM
  }

  static final String DM_WORKSPACE = "@me";

  /** Discord's channel types 10, 11 and 12: announcement, public and private threads. */
  private static final Set<Integer> THREAD_TYPES = Set.of(10, 11, 12);

  public ChannelPlace {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channelId, "channelId");
    if (kind != Kind.DM) {
      Objects.requireNonNull(guildId, "guildId");
    }
    if (kind == Kind.THREAD) {
      Objects.requireNonNull(parentId, "parentId");
    }
  }

  public static ChannelPlace channel(String guildId, String channelId) {
    return new ChannelPlace(Kind.CHANNEL, guildId, channelId, null);
  }

  public static ChannelPlace thread(String guildId, String parentId, String threadId) {
    return new ChannelPlace(Kind.THREAD, guildId, threadId, parentId);
  }

  public static ChannelPlace dm(String channelId) {
    return new ChannelPlace(Kind.DM, null, channelId, null);
  }

  /** The place of a channel JDA knows. */
  static ChannelPlace of(MessageChannel channel) {
    if (channel instanceof ThreadChannel thread) {
      return thread(thread.getGuild().getId(), thread.getParentChannel().getId(), thread.getId());
    }
    if (channel instanceof GuildChannel guildChannel) {
      return channel(guildChannel.getGuild().getId(), guildChannel.getId());
    }
    return dm(channel.getId());
  }

  /**
   * The place of an interaction, read from its gateway payload ({@code channel}, {@code guild_id}).
   */
  public static ChannelPlace ofInteraction(DataObject interaction) {
    String channelId = interaction.getString("channel_id");
    if (interaction.isNull("guild_id")) {
      return dm(channelId);
    }
    String guildId = interaction.getString("guild_id");
    DataObject channel = interaction.optObject("channel").orElseGet(DataObject::empty);
    if (THREAD_TYPES.contains(channel.getInt("type", 0)) && !channel.isNull("parent_id")) {
      return thread(guildId, channel.getString("parent_id"), channelId);
    }
    return channel(guildId, channelId);
  }

  /**
   * The conversation this place holds on its own: the thread, the DM, or, for a plain channel, the
   * channel itself (where channel-wide settings live).
   */
  ConversationKey key() {
    return switch (kind) {
      case CHANNEL -> ConversationKey.of(Platform.DISCORD, guildId, channelId);
      case THREAD -> new ConversationKey(Platform.DISCORD, guildId, parentId, channelId);
      case DM -> ConversationKey.of(Platform.DISCORD, DM_WORKSPACE, channelId);
    };
  }

  /** The conversation a message or command in this place starts, named by its id. */
  ConversationKey startedBy(String messageOrInteractionId) {
    return kind == Kind.CHANNEL ? key().inThread(messageOrInteractionId) : key();
  }
}

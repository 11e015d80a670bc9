package dev.cria.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;

/** A running connection, one JDA or the shards of a ShardManager, seen the same way. */
final class DiscordSession {

  private final JDA single;
  private final ShardManager shards;

  private DiscordSession(JDA single, ShardManager shards) {
    this.single = single;
    this.shards = shards;
  }

  static DiscordSession of(JDA jda) {
    return new DiscordSession(jda, null);
  }

  static DiscordSession of(ShardManager shards) {
    return new DiscordSession(null, shards);
  }

  /** A shard for REST calls, which any shard can make. */
  JDA anyShard() {
    if (single != null) {
      return single;
    }
    return shards.getShardCache().stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Discord shard is running"));
  }

  List<JDA> shards() {
    return single != null ? List.of(single) : List.copyOf(shards.getShards());
  }

  String applicationId() {
    return anyShard().getSelfUser().getApplicationId();
  }

  Optional<Guild> guild(String guildId) {
    return Optional.ofNullable(
        single != null ? single.getGuildById(guildId) : shards.getGuildById(guildId));
  }

  /**
   * A channel, thread or DM to post in.
   *
   * @param dmUserId for a DM channel JDA no longer holds, the user to reopen it with; may be null
   * @throws IllegalStateException when the channel is unknown (Cria was removed from it)
   */
  MessageChannel messageChannel(String channelId, String dmUserId) {
    MessageChannel channel = channels().getChannelById(MessageChannel.class, channelId);
    if (channel != null) {
      return channel;
    }
    if (dmUserId != null) {
      return anyShard().openPrivateChannelById(dmUserId).complete();
    }
    throw new IllegalStateException("Discord channel " + channelId + " is not available to Cria");
  }

  /**
   * Renames a thread ({@code PATCH /channels/{id}}); Cria opened it, so it may.
   *
   * @throws IllegalStateException when JDA does not hold the thread
   */
  void renameThread(String threadId, String name) {
    ThreadChannel thread = channels().getChannelById(ThreadChannel.class, threadId);
    if (thread == null) {
      throw new IllegalStateException("Discord thread " + threadId + " is not available to Cria");
    }
    thread.getManager().setName(name).complete();
  }

  void shutdown(Duration grace) {
    if (single != null) {
      single.shutdown();
      awaitShutdown(single, grace);
    } else {
      List<JDA> running = shards();
      shards.shutdown();
      running.forEach(shard -> awaitShutdown(shard, grace));
    }
  }

  private IGuildChannelContainer<Channel> channels() {
    return single != null ? single : shards;
  }

  private static void awaitShutdown(JDA jda, Duration grace) {
    try {
      if (!jda.awaitShutdown(grace)) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
    }
  }
}

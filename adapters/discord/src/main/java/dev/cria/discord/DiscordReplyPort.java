package dev.cria.discord;

import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.chat.ReplyRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * Answers on Discord: into a slash command's deferred reply while its token is valid (15 minutes),
 * else as Cria's own messages in the channel, thread or DM.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordReplyPort implements ReplyPort {

  /** Discord's interaction tokens last 15 minutes; keep a margin for the answer itself. */
  static final Duration HOOK_LIFETIME = Duration.ofMinutes(14);

  private final DiscordConnection connection;
  private final Clock clock;

  public DiscordReplyPort(DiscordConnection connection) {
    this(connection, Clock.systemUTC());
  }

  DiscordReplyPort(DiscordConnection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public Reply open(ReplyRequest request) {
    DiscordSession session = connection.session();
    return switch (ReplyAddress.decode(request.address())) {
      case ReplyAddress.ToInteraction interaction when hookValid(interaction) ->
          new StreamedReply(
              new HookTarget(InteractionHook.from(session.anyShard(), interaction.token())), null);
      // Too late for the webhook: answer in the channel instead, as a new message.
      case ReplyAddress.ToInteraction expired ->
          new StreamedReply(
              new ChannelTarget(
                  session.messageChannel(expired.channelId(), null), null, request.eventId()),
              null);
      case ReplyAddress.ToChannel channel ->
          new StreamedReply(
              new ChannelTarget(
                  session.messageChannel(channel.channelId(), channel.dmUserId()),
                  channel.replyTo(),
                  request.eventId()),
              request.messageId());
    };
  }

  private boolean hookValid(ReplyAddress.ToInteraction interaction) {
    Instant created = DiscordEventMapper.snowflakeTime(interaction.interactionId());
    return clock.instant().isBefore(created.plus(HOOK_LIFETIME));
  }
}

package dev.cria.discord;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.chat.ReplyRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers on Discord: into a slash command's deferred reply while its token is valid (15 minutes),
 * else as Cria's own messages in the channel, thread or DM.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordReplyPort implements ReplyPort {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordReplyPort.class);

  /** Discord's interaction tokens last 15 minutes; keep a margin for the answer itself. */
  static final Duration HOOK_LIFETIME = Duration.ofMinutes(14);

  private final DiscordConnection connection;
  private final Clock clock;
  private final boolean componentsV2;

  @jakarta.inject.Inject
  public DiscordReplyPort(DiscordConnection connection, DiscordSettings settings) {
    this(connection, Clock.systemUTC(), settings.usesComponentsV2());
  }

  public DiscordReplyPort(DiscordConnection connection) {
    this(connection, Clock.systemUTC(), false);
  }

  DiscordReplyPort(DiscordConnection connection, Clock clock, boolean componentsV2) {
    this.connection = connection;
    this.clock = clock;
    this.componentsV2 = componentsV2;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public Reply open(ReplyRequest request) {
    DiscordSession session = connection.session();
    return switch (ReplyAddress.decode(request.address())) {
      // Installed to the user only, the webhook is the one way in, valid or not.
      case ReplyAddress.ToInteraction interaction
          when hookValid(interaction) || interaction.webhookOnly() ->
          new StreamedReply(
              new HookTarget(
                  InteractionHook.from(session.anyShard(), interaction.token()),
                  interaction.webhookOnly()
                      ? InstallContext.WEBHOOK_MESSAGES
                      : HookTarget.UNLIMITED,
                  interaction.followUp()),
              null,
              componentsV2);
      // Too late for the webhook: answer in the channel instead, as a new message.
      case ReplyAddress.ToInteraction expired ->
          new StreamedReply(
              new ChannelTarget(
                  session.messageChannel(expired.channelId(), null), null, request.eventId()),
              null,
              componentsV2);
      case ReplyAddress.ToChannel channel ->
          new StreamedReply(
              new ChannelTarget(
                  session.messageChannel(channel.channelId(), channel.dmUserId()),
                  channel.replyTo(),
                  request.eventId()),
              request.messageId(),
              componentsV2,
              opensThread(channel)
                  ? name -> session.renameThread(channel.channelId(), name)
                  : null);
    };
  }

  /**
   * An ephemeral follow-up of the event's interaction, while its token is valid (a Regenerate that
   * may not be done, an access notice). A message in a channel has no private way back.
   */
  @Override
  public void tellPrivately(ChatEvent event, String text) {
    if (ReplyAddress.decode(event.replyAddress()) instanceof ReplyAddress.ToInteraction to
        && hookValid(to)) {
      InteractionHook.from(connection.session().anyShard(), to.token())
          .setEphemeral(true)
          .sendMessage(text)
          .complete();
    }
  }

  /**
   * Whether the author has Manage Server in the conversation's guild: the member from JDA's cache,
   * else from {@code GET /guilds/{id}/members/{user}}. False when Discord cannot tell.
   */
  @Override
  public boolean managesWorkspace(ChatEvent event) {
    String guildId = event.conversation().workspace();
    if (event.conversation().isDirect()) {
      return false;
    }
    try {
      return connection
          .session()
          .guild(guildId)
          .map(guild -> guild.retrieveMemberById(event.author().id()).complete())
          .map(member -> member.hasPermission(Permission.MANAGE_SERVER))
          .orElse(false);
    } catch (RuntimeException e) {
      LOG.warn("Could not look up a member for an admin check: {}", e.toString());
      return false;
    }
  }

  /**
   * The first answer in a thread {@code /chat} opened: addressed to the thread itself, replying to
   * no message (follow-ups reply to theirs) and not a DM.
   */
  private static boolean opensThread(ReplyAddress.ToChannel channel) {
    return channel.replyTo() == null && channel.dmUserId() == null;
  }

  private boolean hookValid(ReplyAddress.ToInteraction interaction) {
    Instant created = DiscordEventMapper.snowflakeTime(interaction.interactionId());
    return clock.instant().isBefore(created.plus(HOOK_LIFETIME));
  }
}

package dev.cria.discord;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Builds the JDA connection the settings ask for: one JDA, or a ShardManager running {@code
 * DISCORD_SHARDS}. Listeners run on the given pool (virtual threads), never on the gateway's read
 * thread; raw payloads are kept on events for {@link DiscordEventMapper}.
 */
final class DiscordClientFactory {

  /** Mentions, DMs and (with the privileged Message Content intent) thread follow-ups. */
  static final Set<GatewayIntent> INTENTS =
      EnumSet.of(
          GatewayIntent.GUILD_MESSAGES,
          GatewayIntent.DIRECT_MESSAGES,
          GatewayIntent.MESSAGE_CONTENT);

  /** What Cria can do without Message Content: mentions, replies to it, DMs and slash commands. */
  static final Set<GatewayIntent> WITHOUT_MESSAGE_CONTENT =
      EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);

  private final DiscordSettings settings;
  private final ExecutorService eventPool;

  DiscordClientFactory(DiscordSettings settings, ExecutorService eventPool) {
    this.settings = settings;
    this.eventPool = eventPool;
  }

  DiscordSession open(Collection<GatewayIntent> intents, Object... listeners) {
    return settings.shardRange().isPresent()
        ? DiscordSession.of(shardManager(settings.shardRange().get(), intents, listeners))
        : DiscordSession.of(single(intents, listeners));
  }

  private JDA single(Collection<GatewayIntent> intents, Object[] listeners) {
    JDABuilder builder =
        JDABuilder.createLight(settings.botToken(), intents)
            .setEventPool(eventPool, false)
            .setEventPassthrough(true)
            .setEnableShutdownHook(false)
            .addEventListeners(listeners);
    settings
        .restBaseUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
    settings
        .gatewayOverride()
        .ifPresent(url -> builder.setSessionController(new FixedGateway(url, 1)));
    return builder.build();
  }

  private ShardManager shardManager(
      ShardRange range, Collection<GatewayIntent> intents, Object[] listeners) {
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(settings.botToken(), intents)
            .setShardsTotal(range.total())
            .setShards(range.first(), range.last())
            .setEventPool(eventPool, false)
            .setEventPassthrough(true)
            .setEnableShutdownHook(false)
            .addEventListeners(listeners);
    settings
        .restBaseUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
    settings
        .gatewayOverride()
        .ifPresent(url -> builder.setSessionController(new FixedGateway(url, range.total())));
    return builder.build();
  }

  /** A session controller that connects to a configured gateway instead of asking Discord. */
  private static final class FixedGateway extends ConcurrentSessionController {
    private final String url;
    private final int shardsTotal;

    FixedGateway(String url, int shardsTotal) {
      this.url = url;
      this.shardsTotal = shardsTotal;
    }

    @Override
    public String getGateway() {
      return url;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      return new ShardedGateway(url, shardsTotal);
    }
  }
}

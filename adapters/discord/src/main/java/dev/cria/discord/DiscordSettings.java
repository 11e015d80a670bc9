package dev.cria.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Discord ({@code DISCORD_*} variables). The adapter is on when {@code botToken} is
 * set.
 *
 * @param guildId register the slash commands on this guild only (instant) instead of globally
 * @param shards the shards this process runs, e.g. {@code 0-1/4}; null runs every shard in one JDA
 * @param apiUrl the REST base including the version, e.g. {@code https://discord.com/api/v10/};
 *     null for Discord's
 * @param gatewayUrl the gateway WebSocket URL; null for Discord's
 * @param readyTimeout how long startup waits for the gateway before it logs a warning (the
 *     connection keeps trying in the background); 60 s when null
 * @param componentsV2 whether the model's answers are laid out with Components V2 (text displays of
 *     4,000 characters, the buttons beneath); off when null (docs/architecture.md says why)
 */
@ConfigurationProperties("cria.discord")
public record DiscordSettings(
    String botToken,
    @Nullable String guildId,
    @Nullable String shards,
    @Nullable String apiUrl,
    @Nullable String gatewayUrl,
    @Nullable Duration readyTimeout,
    @Nullable Boolean componentsV2) {

  static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

  public DiscordSettings {
    readyTimeout = readyTimeout == null ? DEFAULT_READY_TIMEOUT : readyTimeout;
  }

  /** Whether answers use Components V2 ({@code DISCORD_COMPONENTS_V2}). */
  public boolean usesComponentsV2() {
    return Boolean.TRUE.equals(componentsV2);
  }

  /** The shards this process runs, or empty when one JDA runs them all. */
  public Optional<ShardRange> shardRange() {
    return isBlank(shards) ? Optional.empty() : Optional.of(ShardRange.parse(shards));
  }

  /** The guild to register commands on, or empty for global commands. */
  public Optional<String> commandGuild() {
    return isBlank(guildId) ? Optional.empty() : Optional.of(guildId.strip());
  }

  /** The REST base in the form JDA wants (ending in a slash), or empty for Discord's own. */
  Optional<String> restBaseUrl() {
    if (isBlank(apiUrl)) {
      return Optional.empty();
    }
    String url = apiUrl.strip();
    return Optional.of(url.endsWith("/") ? url : url + "/");
  }

  Optional<String> gatewayOverride() {
    return isBlank(gatewayUrl) ? Optional.empty() : Optional.of(gatewayUrl.strip());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "DiscordSettings[guildId=%s, shards=%s, apiUrl=%s, gatewayUrl=%s, botToken=%s]"
        .formatted(guildId, shards, apiUrl, gatewayUrl, isBlank(botToken) ? "unset" : "***");
  }
}

package dev.cria.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every environment variable Cria reads, in one place: each is checked here and turned into the
 * Micronaut property the code binds. A bad value stops startup with one line that names the
 * variable. The README's configuration table lists the same variables.
 */
public final class EnvironmentVariables {

  /** The variables, in the order the README lists them. */
  public static final Set<String> NAMES =
      Set.of(
          "PORT",
          "LLAMA_API_KEY",
          "LLAMA_BASE_URL",
          "LLAMA_MODEL",
          "LLAMA_API_STYLE",
          "LLAMA_MODERATION",
          "LLAMA_MODERATION_MODEL",
          "LLAMA_CONNECT_TIMEOUT",
          "LLAMA_READ_TIMEOUT",
          "LLAMA_MAX_RETRIES",
          "CRIA_DATA_DIR",
          "DATABASE_URL",
          "DATABASE_USER",
          "DATABASE_PASSWORD",
          "CRIA_SYSTEM_PROMPT",
          "CRIA_TEMPERATURE",
          "CRIA_MAX_COMPLETION_TOKENS",
          "CRIA_CONTEXT_TOKENS",
          "CRIA_OUTPUT_MODERATION",
          "CRIA_HISTORY_RETENTION_DAYS",
          "CRIA_LOG_FORMAT",
          "CRIA_LOG_LEVEL",
          "CRIA_SHUTDOWN_GRACE",
          "CRIA_WORKER_LEASE",
          "CRIA_QUOTA_USER_REQUESTS",
          "CRIA_QUOTA_USER_TOKENS",
          "CRIA_QUOTA_CHANNEL_REQUESTS",
          "CRIA_QUOTA_CHANNEL_TOKENS",
          "CRIA_QUOTA_USER_IN_FLIGHT",
          "CRIA_MAX_INPUT_CHARS",
          "CRIA_MODEL_BREAKER_FAILURES",
          "CRIA_MODEL_BREAKER_OPEN",
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN",
          "SLACK_API_URL",
          "SLACK_REPLY_IN_THREADS",
          "DISCORD_BOT_TOKEN",
          "DISCORD_GUILD_ID",
          "DISCORD_SHARDS",
          "DISCORD_API_URL",
          "DISCORD_GATEWAY_URL");

  private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h)?");
  private static final Pattern SHARDS = Pattern.compile("(\\d+)(-(\\d+))?/(\\d+)");
  private static final String H2_OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

  private final Map<String, String> env;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  private EnvironmentVariables(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Checks the environment and returns the Micronaut properties it sets.
   *
   * @throws ConfigException naming the first variable with a bad value
   */
  public static Map<String, Object> toProperties(Map<String, String> env) {
    EnvironmentVariables reader = new EnvironmentVariables(env);
    reader.server();
    reader.llama();
    reader.database();
    reader.conversation();
    reader.slack();
    reader.discord();
    return reader.properties;
  }

  private void server() {
    integer("PORT", "micronaut.server.port", 1, 65535);
    duration("CRIA_SHUTDOWN_GRACE", "micronaut.lifecycle.graceful-shutdown.grace-period");
    duration("CRIA_WORKER_LEASE", "cria.worker.lease");
  }

  private void llama() {
    text("LLAMA_API_KEY", "cria.llama.api-key");
    url("LLAMA_BASE_URL", "cria.llama.base-url");
    text("LLAMA_MODEL", "cria.llama.model");
    oneOf("LLAMA_API_STYLE", "cria.llama.api-style", "llama", "openai");
    onOff("LLAMA_MODERATION", "cria.llama.moderation");
    text("LLAMA_MODERATION_MODEL", "cria.llama.moderation-model");
    duration("LLAMA_CONNECT_TIMEOUT", "cria.llama.connect-timeout");
    duration("LLAMA_READ_TIMEOUT", "cria.llama.read-timeout");
    integer("LLAMA_MAX_RETRIES", "cria.llama.max-retries", 0, 10);
  }

  private void database() {
    String url = value("DATABASE_URL");
    if (url == null) {
      Path dir = Path.of(env.getOrDefault("CRIA_DATA_DIR", "./data")).toAbsolutePath().normalize();
      properties.put("cria.data-dir", dir.toString());
      properties.put(
          "datasources.default.url", "jdbc:h2:file:" + dir.resolve("cria") + ";" + H2_OPTIONS);
      properties.put("datasources.default.username", "sa");
      properties.put("datasources.default.password", "");
      properties.put("datasources.default.driver-class-name", "org.h2.Driver");
    } else {
      properties.put("datasources.default.url", PostgresUrl.toJdbc(url));
      properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
      String user = value("DATABASE_USER");
      String password = value("DATABASE_PASSWORD");
      PostgresUrl.credentials(url)
          .ifPresent(
              credentials -> {
                properties.put("datasources.default.username", credentials.user());
                properties.put("datasources.default.password", credentials.password());
              });
      if (user != null) {
        properties.put("datasources.default.username", user);
      }
      if (password != null) {
        properties.put("datasources.default.password", password);
      }
    }
  }

  private void conversation() {
    text("CRIA_SYSTEM_PROMPT", "cria.conversation.system-prompt");
    decimal("CRIA_TEMPERATURE", "cria.conversation.temperature", 0, 2);
    integer("CRIA_MAX_COMPLETION_TOKENS", "cria.conversation.max-completion-tokens", 1, 1_000_000);
    integer("CRIA_CONTEXT_TOKENS", "cria.conversation.context-tokens", 256, 10_000_000);
    oneOf("CRIA_OUTPUT_MODERATION", "cria.conversation.output-moderation", "on", "off", "strict");
    integer("CRIA_HISTORY_RETENTION_DAYS", "cria.conversation.retention-days", 0, 36_500);
    oneOf("CRIA_LOG_FORMAT", "cria.log-format", "text", "json");
    integer("CRIA_QUOTA_USER_REQUESTS", "cria.quota.user-requests-per-day", 0, Long.MAX_VALUE);
    integer("CRIA_QUOTA_USER_TOKENS", "cria.quota.user-tokens-per-day", 0, Long.MAX_VALUE);
    integer(
        "CRIA_QUOTA_CHANNEL_REQUESTS", "cria.quota.channel-requests-per-day", 0, Long.MAX_VALUE);
    integer("CRIA_QUOTA_CHANNEL_TOKENS", "cria.quota.channel-tokens-per-day", 0, Long.MAX_VALUE);
    integer("CRIA_QUOTA_USER_IN_FLIGHT", "cria.quota.user-in-flight", 0, 1000);
    integer("CRIA_MAX_INPUT_CHARS", "cria.quota.max-input-chars", 0, 10_000_000);
    integer("CRIA_MODEL_BREAKER_FAILURES", "cria.model-breaker.failures", 1, 1000);
    duration("CRIA_MODEL_BREAKER_OPEN", "cria.model-breaker.open");
  }

  private void slack() {
    text("SLACK_BOT_TOKEN", "cria.slack.bot-token");
    text("SLACK_SIGNING_SECRET", "cria.slack.signing-secret");
    text("SLACK_APP_TOKEN", "cria.slack.app-token");
    url("SLACK_API_URL", "cria.slack.api-url");
    bool("SLACK_REPLY_IN_THREADS", "cria.slack.reply-in-threads");
    if (value("SLACK_BOT_TOKEN") != null) {
      if (value("SLACK_APP_TOKEN") == null && value("SLACK_SIGNING_SECRET") == null) {
        throw new ConfigException(
            "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
                + " SLACK_SIGNING_SECRET (HTTP Events API) is: set one of them");
      }
      String appToken = value("SLACK_APP_TOKEN");
      if (appToken != null && !appToken.startsWith("xapp-")) {
        throw new ConfigException(
            "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information >"
                + " App-Level Tokens, scope connections:write)");
      }
    }
  }

  private void discord() {
    text("DISCORD_BOT_TOKEN", "cria.discord.bot-token");
    String guild = value("DISCORD_GUILD_ID");
    if (guild != null && !guild.matches("\\d{5,20}")) {
      throw new ConfigException("DISCORD_GUILD_ID must be a numeric Discord id, got: " + guild);
    }
    text("DISCORD_GUILD_ID", "cria.discord.guild-id");
    String shards = value("DISCORD_SHARDS");
    if (shards != null) {
      var matcher = SHARDS.matcher(shards);
      if (!matcher.matches()) {
        throw new ConfigException(
            "DISCORD_SHARDS must look like 0-1/4 (shards 0 to 1 of 4) or 2/4, got: " + shards);
      }
      int low = Integer.parseInt(matcher.group(1));
      int high = matcher.group(3) == null ? low : Integer.parseInt(matcher.group(3));
      int total = Integer.parseInt(matcher.group(4));
      if (low > high || high >= total) {
        throw new ConfigException(
            "DISCORD_SHARDS range must lie within 0.." + (total - 1) + ", got: " + shards);
      }
      properties.put("cria.discord.shards", shards);
    }
    url("DISCORD_API_URL", "cria.discord.api-url");
    text("DISCORD_GATEWAY_URL", "cria.discord.gateway-url");
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private void text(String name, String property) {
    String value = value(name);
    if (value != null) {
      properties.put(property, value);
    }
  }

  private void url(String name, String property) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null
          || !Set.of("http", "https").contains(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(name + " must be an http(s) URL, got: " + value);
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL: " + value);
    }
    properties.put(property, value);
  }

  private void oneOf(String name, String property, String... allowed) {
    String value = value(name);
    if (value == null) {
      return;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!Set.of(allowed).contains(lower)) {
      throw new ConfigException(
          name + " must be one of " + String.join(", ", allowed) + ", got: " + value);
    }
    properties.put(property, lower);
  }

  private void onOff(String name, String property) {
    String value = value(name);
    if (value == null) {
      return;
    }
    properties.put(property, parseSwitch(name, value));
  }

  private void bool(String name, String property) {
    onOff(name, property);
  }

  private static boolean parseSwitch(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new ConfigException(name + " must be on or off, got: " + value);
    };
  }

  private void integer(String name, String property, long min, long max) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      long number = Long.parseLong(value);
      if (number < min || number > max) {
        throw new ConfigException(
            name + " must be between " + min + " and " + max + ", got: " + value);
      }
      properties.put(property, number);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got: " + value);
    }
  }

  private void decimal(String name, String property, double min, double max) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      double number = Double.parseDouble(value);
      if (number < min || number > max) {
        throw new ConfigException(
            name + " must be between " + min + " and " + max + ", got: " + value);
      }
      properties.put(property, number);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got: " + value);
    }
  }

  private void duration(String name, String property) {
    String value = value(name);
    if (value == null) {
      return;
    }
    if (!DURATION.matcher(value).matches()) {
      throw new ConfigException(
          name + " must be a duration such as 30s, 500ms or 2m, got: " + value);
    }
    properties.put(property, value.matches("\\d+") ? value + "s" : value);
  }
}

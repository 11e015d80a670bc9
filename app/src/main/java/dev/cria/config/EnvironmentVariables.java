package dev.cria.config;

import dev.cria.slack.SlackSuggestedPrompt;
import dev.cria.web.PasswordHash;
import java.nio.file.Path;
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
          "LLAMA_MODERATION_BASE_URL",
          "CRIA_MODERATION_ALLOW",
          "LLAMA_CONNECT_TIMEOUT",
          "LLAMA_READ_TIMEOUT",
          "LLAMA_MAX_RETRIES",
          "LLAMA_VISION_MODELS",
          "LLAMA_MODERATION_IMAGES",
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
          "CRIA_IMAGE_MAX_MB",
          "CRIA_IMAGES_PER_MESSAGE",
          "CRIA_IMAGES_PER_CONVERSATION",
          "CRIA_FILE_MAX_MB",
          "CRIA_FILE_MAX_CHARS",
          "CRIA_TOOLS_BUILTIN",
          "CRIA_TIME_ZONE",
          "CRIA_TOOL_MAX_STEPS",
          "CRIA_TOOL_TIMEOUT",
          "CRIA_TOOL_TOTAL_TIMEOUT",
          "CRIA_ALLOW_SLACK_TEAMS",
          "CRIA_ALLOW_SLACK_CHANNELS",
          "CRIA_ALLOW_SLACK_USERS",
          "CRIA_ALLOW_SLACK_DMS",
          "CRIA_ALLOW_DISCORD_GUILDS",
          "CRIA_ALLOW_DISCORD_CHANNELS",
          "CRIA_ALLOW_DISCORD_ROLES",
          "CRIA_ALLOW_DISCORD_DMS",
          "CRIA_ADMINS",
          "CRIA_MCP_SERVERS",
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN",
          "SLACK_API_URL",
          "SLACK_REPLY_IN_THREADS",
          "CRIA_SLACK_SUGGESTED_PROMPTS",
          "DISCORD_BOT_TOKEN",
          "DISCORD_GUILD_ID",
          "DISCORD_SHARDS",
          "DISCORD_API_URL",
          "DISCORD_GATEWAY_URL",
          "DISCORD_COMPONENTS_V2",
          "CRIA_WEB",
          "CRIA_WEB_PASSWORD",
          "CRIA_WEB_SECURE_COOKIES",
          "CRIA_WEB_URL",
          "CRIA_OIDC_ISSUER",
          "CRIA_OIDC_CLIENT_ID",
          "CRIA_OIDC_CLIENT_SECRET",
          "CRIA_OIDC_ALLOWED_EMAILS",
          "CRIA_OIDC_ALLOWED_GROUP",
          "CRIA_OIDC_ADMIN_EMAILS",
          "CRIA_OIDC_ADMIN_GROUP");

  private static final Pattern MODERATION_CATEGORY =
      Pattern.compile("(?i:S([1-9]|1[0-4]))|(?!s\\d)[a-z][a-z0-9_/-]*");
  private static final Pattern SHARDS = Pattern.compile("(\\d+)(-(\\d+))?/(\\d+)");
  private static final String H2_OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

  private final Map<String, String> env;
  private final VariableReader read;

  private EnvironmentVariables(Map<String, String> env) {
    this.env = env;
    this.read = new VariableReader(env);
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
    new AccessVariables(reader.read).read();
    new ToolVariables(reader.read).read();
    new McpVariables(reader.read).read();
    reader.slack();
    reader.discord();
    reader.web();
    return reader.read.properties();
  }

  private void server() {
    read.integer("PORT", "micronaut.server.port", 1, 65535);
    read.duration("CRIA_SHUTDOWN_GRACE", "micronaut.lifecycle.graceful-shutdown.grace-period");
    read.duration("CRIA_WORKER_LEASE", "cria.worker.lease");
  }

  private void llama() {
    read.text("LLAMA_API_KEY", "cria.llama.api-key");
    read.url("LLAMA_BASE_URL", "cria.llama.base-url");
    read.text("LLAMA_MODEL", "cria.llama.model");
    read.oneOf("LLAMA_API_STYLE", "cria.llama.api-style", "llama", "openai");
    read.oneOf("LLAMA_MODERATION", "cria.llama.moderation", "guard", "moderations", "off");
    read.text("LLAMA_MODERATION_MODEL", "cria.llama.moderation-model");
    read.url("LLAMA_MODERATION_BASE_URL", "cria.llama.moderation-base-url");
    String allow = read.value("CRIA_MODERATION_ALLOW");
    if (allow != null) {
      for (String category : allow.split(",")) {
        if (!MODERATION_CATEGORY.matcher(category.strip()).matches()) {
          throw new ConfigException(
              "CRIA_MODERATION_ALLOW must list Llama Guard categories S1 to S14 (or category names"
                  + " of a /moderations server), separated by commas, e.g. S6,S8; got: "
                  + allow);
        }
      }
      read.put("cria.llama.moderation-allow", allow);
    }
    read.duration("LLAMA_CONNECT_TIMEOUT", "cria.llama.connect-timeout");
    read.duration("LLAMA_READ_TIMEOUT", "cria.llama.read-timeout");
    read.integer("LLAMA_MAX_RETRIES", "cria.llama.max-retries", 0, 10);
    String vision = read.value("LLAMA_VISION_MODELS");
    if (vision != null && !vision.matches("[^,\\s]+(\\s*,\\s*[^,\\s]+)*|none")) {
      throw new ConfigException(
          "LLAMA_VISION_MODELS must list model names separated by commas, * matching any"
              + " characters (e.g. *llama-4*,llava*), or be none; got: "
              + vision);
    }
    read.text("LLAMA_VISION_MODELS", "cria.llama.vision-models");
    read.oneOf("LLAMA_MODERATION_IMAGES", "cria.llama.moderation-images", "auto", "on", "off");
  }

  private void database() {
    String url = read.value("DATABASE_URL");
    if (url == null) {
      Path dir = Path.of(env.getOrDefault("CRIA_DATA_DIR", "./data")).toAbsolutePath().normalize();
      read.put("cria.data-dir", dir.toString());
      read.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("cria") + ";" + H2_OPTIONS);
      read.put("datasources.default.username", "sa");
      read.put("datasources.default.password", "");
      read.put("datasources.default.driver-class-name", "org.h2.Driver");
    } else {
      read.put("datasources.default.url", PostgresUrl.toJdbc(url));
      read.put("datasources.default.driver-class-name", "org.postgresql.Driver");
      String user = read.value("DATABASE_USER");
      String password = read.value("DATABASE_PASSWORD");
      PostgresUrl.credentials(url)
          .ifPresent(
              credentials -> {
                read.put("datasources.default.username", credentials.user());
                read.put("datasources.default.password", credentials.password());
              });
      if (user != null) {
        read.put("datasources.default.username", user);
      }
      if (password != null) {
        read.put("datasources.default.password", password);
      }
    }
  }

  private void conversation() {
    read.text("CRIA_SYSTEM_PROMPT", "cria.conversation.system-prompt");
    read.decimal("CRIA_TEMPERATURE", "cria.conversation.temperature", 0, 2);
    read.integer(
        "CRIA_MAX_COMPLETION_TOKENS", "cria.conversation.max-completion-tokens", 1, 1_000_000);
    read.integer("CRIA_CONTEXT_TOKENS", "cria.conversation.context-tokens", 256, 10_000_000);
    read.oneOf(
        "CRIA_OUTPUT_MODERATION", "cria.conversation.output-moderation", "on", "off", "strict");
    read.integer("CRIA_HISTORY_RETENTION_DAYS", "cria.conversation.retention-days", 0, 36_500);
    read.oneOf("CRIA_LOG_FORMAT", "cria.log-format", "text", "json");
    read.integer("CRIA_QUOTA_USER_REQUESTS", "cria.quota.user-requests-per-day", 0, Long.MAX_VALUE);
    read.integer("CRIA_QUOTA_USER_TOKENS", "cria.quota.user-tokens-per-day", 0, Long.MAX_VALUE);
    read.integer(
        "CRIA_QUOTA_CHANNEL_REQUESTS", "cria.quota.channel-requests-per-day", 0, Long.MAX_VALUE);
    read.integer(
        "CRIA_QUOTA_CHANNEL_TOKENS", "cria.quota.channel-tokens-per-day", 0, Long.MAX_VALUE);
    read.integer("CRIA_QUOTA_USER_IN_FLIGHT", "cria.quota.user-in-flight", 0, 1000);
    read.integer("CRIA_MAX_INPUT_CHARS", "cria.quota.max-input-chars", 0, 10_000_000);
    read.integer("CRIA_MODEL_BREAKER_FAILURES", "cria.model-breaker.failures", 1, 1000);
    read.duration("CRIA_MODEL_BREAKER_OPEN", "cria.model-breaker.open");
    read.integer("CRIA_IMAGE_MAX_MB", "cria.attachments.image-max-mb", 1, 100);
    read.integer("CRIA_IMAGES_PER_MESSAGE", "cria.attachments.images-per-message", 0, 100);
    read.integer(
        "CRIA_IMAGES_PER_CONVERSATION", "cria.attachments.images-per-conversation", 0, 1000);
    read.integer("CRIA_FILE_MAX_MB", "cria.attachments.file-max-mb", 1, 100);
    read.integer("CRIA_FILE_MAX_CHARS", "cria.attachments.file-max-chars", 100, 10_000_000);
  }

  private void slack() {
    read.text("SLACK_BOT_TOKEN", "cria.slack.bot-token");
    read.text("SLACK_SIGNING_SECRET", "cria.slack.signing-secret");
    read.text("SLACK_APP_TOKEN", "cria.slack.app-token");
    read.url("SLACK_API_URL", "cria.slack.api-url");
    read.bool("SLACK_REPLY_IN_THREADS", "cria.slack.reply-in-threads");
    read.text("CRIA_SLACK_SUGGESTED_PROMPTS", "cria.slack.suggested-prompts");
    try {
      SlackSuggestedPrompt.parse(read.value("CRIA_SLACK_SUGGESTED_PROMPTS"));
    } catch (IllegalStateException e) {
      throw new ConfigException(e.getMessage());
    }
    if (read.value("SLACK_BOT_TOKEN") != null) {
      if (read.value("SLACK_APP_TOKEN") == null && read.value("SLACK_SIGNING_SECRET") == null) {
        throw new ConfigException(
            "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
                + " SLACK_SIGNING_SECRET (HTTP Events API) is: set one of them");
      }
      String appToken = read.value("SLACK_APP_TOKEN");
      if (appToken != null && !appToken.startsWith("xapp-")) {
        throw new ConfigException(
            "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information >"
                + " App-Level Tokens, scope connections:write)");
      }
    }
  }

  private void discord() {
    read.text("DISCORD_BOT_TOKEN", "cria.discord.bot-token");
    String guild = read.value("DISCORD_GUILD_ID");
    if (guild != null && !guild.matches("\\d{5,20}")) {
      throw new ConfigException("DISCORD_GUILD_ID must be a numeric Discord id, got: " + guild);
    }
    read.text("DISCORD_GUILD_ID", "cria.discord.guild-id");
    String shards = read.value("DISCORD_SHARDS");
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
      read.put("cria.discord.shards", shards);
    }
    read.url("DISCORD_API_URL", "cria.discord.api-url");
    read.text("DISCORD_GATEWAY_URL", "cria.discord.gateway-url");
    read.onOff("DISCORD_COMPONENTS_V2", "cria.discord.components-v2");
  }

  private void web() {
    read.onOff("CRIA_WEB", "cria.web.enabled");
    String password = read.value("CRIA_WEB_PASSWORD");
    if (password != null) {
      if (password.length() < 8) {
        throw new ConfigException("CRIA_WEB_PASSWORD must be at least 8 characters long");
      }
      // Only the hash goes into the configuration; the password itself is not kept.
      read.put("cria.web.password-hash", PasswordHash.hash(password));
    }
    read.onOff("CRIA_WEB_SECURE_COOKIES", "cria.web.secure-cookies");
    read.url("CRIA_WEB_URL", "cria.web.public-url");
    new SingleSignOnVariables(read).read();
  }
}

package dev.cria.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentVariablesTest {

  @Test
  void noConfigurationAtAllGivesAnEmbeddedDatabase() {
    Map<String, Object> properties = EnvironmentVariables.toProperties(Map.of());

    assertTrue(properties.get("datasources.default.url").toString().startsWith("jdbc:h2:file:"));
    assertTrue(properties.get("datasources.default.url").toString().contains("/data/cria"));
    assertFalse(properties.containsKey("cria.llama.api-key"));
  }

  @Test
  void mapsEachVariableToItsProperty() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "PORT", "9090",
                "LLAMA_API_KEY", "LLM|1|secret",
                "LLAMA_API_STYLE", "OpenAI",
                "LLAMA_MODERATION", "off",
                "LLAMA_READ_TIMEOUT", "90",
                "CRIA_DATA_DIR", "/var/lib/cria",
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_APP_TOKEN", "xapp-1",
                "DISCORD_SHARDS", "0-1/4"));

    assertEquals(9090L, properties.get("micronaut.server.port"));
    assertEquals("LLM|1|secret", properties.get("cria.llama.api-key"));
    assertEquals("openai", properties.get("cria.llama.api-style"));
    assertEquals("off", properties.get("cria.llama.moderation"));
    assertEquals("90s", properties.get("cria.llama.read-timeout"));
    assertTrue(properties.get("datasources.default.url").toString().contains("/var/lib/cria/cria"));
    assertEquals("0-1/4", properties.get("cria.discord.shards"));
  }

  @Test
  void readsPostgresUrlsInBothForms() {
    Map<String, Object> hosted =
        EnvironmentVariables.toProperties(
            Map.of("DATABASE_URL", "postgres://cria:s%40cret@db:5432/cria?sslmode=disable"));
    assertEquals(
        "jdbc:postgresql://db:5432/cria?sslmode=disable", hosted.get("datasources.default.url"));
    assertEquals("cria", hosted.get("datasources.default.username"));
    assertEquals("s@cret", hosted.get("datasources.default.password"));

    Map<String, Object> jdbc =
        EnvironmentVariables.toProperties(
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "DATABASE_USER", "postgres"));
    assertEquals("jdbc:postgresql://127.0.0.1:5432/test", jdbc.get("datasources.default.url"));
    assertEquals("postgres", jdbc.get("datasources.default.username"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LLAMA_API_STYLE|foo",
        "LLAMA_MODERATION|maybe",
        "LLAMA_MODERATION|on",
        "CRIA_MODERATION_ALLOW|S15",
        "CRIA_MODERATION_ALLOW|S6;S8",
        "LLAMA_MODERATION_BASE_URL|vllm-guard:8000",
        "PORT|http",
        "PORT|70000",
        "LLAMA_BASE_URL|api.llama.com/v1",
        "LLAMA_READ_TIMEOUT|soon",
        "DATABASE_URL|mysql://db/cria",
        "DATABASE_URL|postgres://",
        "CRIA_TEMPERATURE|hot",
        "CRIA_OUTPUT_MODERATION|sometimes",
        "DISCORD_SHARDS|4/4",
        "DISCORD_GUILD_ID|my-guild"
      })
  void aBadValueStopsStartupNamingTheVariable(String name, String value) {
    ConfigException error =
        assertThrows(
            ConfigException.class, () -> EnvironmentVariables.toProperties(Map.of(name, value)));

    assertTrue(error.getMessage().startsWith(name), error.getMessage());
  }

  @Test
  void moderationIsChosenByName() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "LLAMA_MODERATION", "Guard",
                "LLAMA_MODERATION_BASE_URL", "http://vllm-guard:8000/v1",
                "CRIA_MODERATION_ALLOW", "S6, s8"));

    assertEquals("guard", properties.get("cria.llama.moderation"));
    assertEquals("http://vllm-guard:8000/v1", properties.get("cria.llama.moderation-base-url"));
    assertEquals("S6, s8", properties.get("cria.llama.moderation-allow"));
    assertEquals(
        "moderations",
        EnvironmentVariables.toProperties(Map.of("LLAMA_MODERATION", "moderations"))
            .get("cria.llama.moderation"));
  }

  @Test
  void theDefaultsFitALocalOllama() {
    var settings =
        new dev.cria.llama.LlamaSettings(
            null,
            null,
            "llama3.2",
            "openai",
            "guard",
            "llama-guard3:1b",
            null,
            "",
            null,
            null,
            2,
            dev.cria.llama.LlamaSettings.DEFAULT_VISION_MODELS,
            "auto");

    assertEquals("http://localhost:11434/v1", settings.effectiveBaseUrl());
    assertEquals("http://localhost:11434/v1", settings.effectiveModerationBaseUrl());
    assertTrue(settings.openAiStyle() && settings.guardModeration() && !settings.hasApiKey());
    assertEquals(java.util.Set.of(), settings.allowedCategories());
    assertFalse(settings.seesImages("llama3.2"));
    assertTrue(settings.seesImages("Llama-4-Maverick-17B-128E-Instruct-FP8"));
    assertTrue(settings.seesImages("llama3.2-vision:11b"));
    assertFalse(settings.moderationSeesImages(), "Llama Guard 3 takes text only");
  }

  @Test
  void slackNeedsAWayIn() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> EnvironmentVariables.toProperties(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));

    assertTrue(error.getMessage().contains("SLACK_APP_TOKEN"));
    assertTrue(error.getMessage().contains("SLACK_SIGNING_SECRET"));
  }

  @Test
  void errorsNeverRepeatADatabasePassword() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () ->
                EnvironmentVariables.toProperties(
                    Map.of("DATABASE_URL", "mysql://cria:hunter2@db/cria")));

    assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
  }

  @Test
  void theWebPasswordIsKeptOnlyAsAHash() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "CRIA_WEB_PASSWORD", "a long web password",
                "CRIA_WEB", "on",
                "CRIA_WEB_SECURE_COOKIES", "off",
                "CRIA_WEB_URL", "https://cria.example.com"));

    String hash = (String) properties.get("cria.web.password-hash");
    assertTrue(dev.cria.web.PasswordHash.matches("a long web password", hash));
    assertFalse(dev.cria.web.PasswordHash.matches("another password", hash));
    assertFalse(properties.values().contains("a long web password"));
    assertEquals(true, properties.get("cria.web.enabled"));
    assertEquals(false, properties.get("cria.web.secure-cookies"));
    assertEquals("https://cria.example.com", properties.get("cria.web.public-url"));
  }

  @Test
  void badWebSettingsStopStartupNamingTheVariable() {
    for (Map<String, String> env :
        List.of(
            Map.of("CRIA_WEB_PASSWORD", "short"),
            Map.of("CRIA_WEB", "maybe"),
            Map.of("CRIA_WEB_SECURE_COOKIES", "sometimes"),
            Map.of("CRIA_WEB_URL", "cria.example.com"))) {
      ConfigException e =
          assertThrows(ConfigException.class, () -> EnvironmentVariables.toProperties(env));
      String variable = env.keySet().iterator().next();
      assertTrue(e.getMessage().startsWith(variable), e.getMessage());
      assertFalse(e.getMessage().contains("short"), "the password is not repeated");
    }
  }

  @Test
  void singleSignOnIsReadWithItsAllowList() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "CRIA_OIDC_ISSUER", "https://idp.example.com/realms/team",
                "CRIA_OIDC_CLIENT_ID", "cria",
                "CRIA_OIDC_CLIENT_SECRET", "a client secret",
                "CRIA_OIDC_ALLOWED_EMAILS", "ada@example.com, @example.org",
                "CRIA_OIDC_ALLOWED_GROUP", "cria-users",
                "CRIA_OIDC_ADMIN_EMAILS", "ada@example.com",
                "CRIA_OIDC_ADMIN_GROUP", "cria-admins"));

    assertEquals("https://idp.example.com/realms/team", properties.get("cria.web.oidc.issuer"));
    assertEquals("cria", properties.get("cria.web.oidc.client-id"));
    assertEquals("a client secret", properties.get("cria.web.oidc.client-secret"));
    assertEquals(
        List.of("ada@example.com", "@example.org"), properties.get("cria.web.oidc.allowed-emails"));
    assertEquals("cria-users", properties.get("cria.web.oidc.allowed-group"));
    assertEquals(List.of("ada@example.com"), properties.get("cria.web.oidc.admin-emails"));
    assertEquals("cria-admins", properties.get("cria.web.oidc.admin-group"));
  }

  @Test
  void badSingleSignOnSettingsStopStartupNamingTheVariable() {
    String issuer = "https://idp.example.com";
    Map<String, Map<String, String>> cases =
        Map.of(
            "CRIA_OIDC_ISSUER",
            Map.of("CRIA_OIDC_ISSUER", "idp.example.com", "CRIA_OIDC_CLIENT_ID", "cria"),
            "CRIA_OIDC_CLIENT_ID",
            Map.of("CRIA_OIDC_ISSUER", issuer, "CRIA_OIDC_ALLOWED_EMAILS", "*"),
            "CRIA_OIDC_ALLOWED_EMAILS",
            Map.of(
                "CRIA_OIDC_ISSUER", issuer,
                "CRIA_OIDC_CLIENT_ID", "cria",
                "CRIA_OIDC_ALLOWED_EMAILS", "ada"),
            "CRIA_OIDC_ALLOWED_EMAILS or CRIA_OIDC_ALLOWED_GROUP",
            Map.of("CRIA_OIDC_ISSUER", issuer, "CRIA_OIDC_CLIENT_ID", "cria"),
            "CRIA_OIDC_CLIENT_SECRET",
            Map.of("CRIA_OIDC_CLIENT_SECRET", "a secret without an issuer"),
            "CRIA_OIDC_ADMIN_EMAILS",
            Map.of(
                "CRIA_OIDC_ISSUER", issuer,
                "CRIA_OIDC_CLIENT_ID", "cria",
                "CRIA_OIDC_ALLOWED_EMAILS", "*",
                "CRIA_OIDC_ADMIN_EMAILS", "*"));
    cases.forEach(
        (variable, env) -> {
          ConfigException e =
              assertThrows(ConfigException.class, () -> EnvironmentVariables.toProperties(env));
          assertTrue(e.getMessage().startsWith(variable), e.getMessage());
          assertFalse(e.getMessage().contains("a secret without"), e.getMessage());
        });
  }
}

package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeMcpServer;
import dev.cria.fakes.FakeOidcProvider;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.persistence.TestDatabases;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar at {@code CRIA_LOG_LEVEL=debug}, in each log format, through conversations on
 * both platforms: a Slack mention and a {@code /cria} slash command with a {@code response_url}
 * (HTTP Events API, signed), a Discord {@code /ask} interaction over the fake gateway, on
 * PostgreSQL reached with a password in {@code DATABASE_URL}, with an MCP server and its token.
 * Then the whole log (stdout and stderr) is searched for every configured secret and every token
 * the conversations carried: none may appear.
 */
class NoSecretInLogsIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String CHANNEL = "C0SECRETS";
  private static final String SIGNING_SECRET = "log-test-signing-secret-8c7b6a5d4e";
  private static final String LLAMA_API_KEY = "LLM|5151|log-test-llama-key-1a2b3c4d";
  private static final String SLACK_BOT_TOKEN =
      "xoxb-7012345678-7012345678901-LogTestBotT0kenValue";
  // A bot with a 17-digit id: base64("13500000000000007"), timestamp, HMAC.
  private static final String DISCORD_BOT_TOKEN =
      "MTM1MDAwMDAwMDAwMDAwMDc.GqLt7x.LogTestDiscordHmacPart0123456789abcdef";

  @ParameterizedTest(name = "CRIA_LOG_FORMAT={0}")
  @ValueSource(strings = {"text", "json"})
  void noConfiguredSecretOrConversationTokenAppearsInTheDebugLog(String format) throws Exception {
    String schema = TestDatabases.newSchemaName();
    Map<String, Object> datasource = TestDatabases.postgres(schema);
    try (FakeLlamaApi llama = FakeLlamaApi.start();
        FakeSlackApi slack = FakeSlackApi.start();
        FakeDiscord discord = new FakeDiscord();
        FakeOidcProvider idp = new FakeOidcProvider();
        FakeMcpServer mcp = FakeMcpServer.start()) {
      llama.requireApiKey(LLAMA_API_KEY);
      String password = databasePassword(datasource);
      Map<String, String> env = new HashMap<>();
      env.put("DATABASE_URL", postgresUrl(datasource, password));
      env.put("LLAMA_API_KEY", LLAMA_API_KEY);
      env.put("LLAMA_BASE_URL", llama.baseUrl());
      // The native dialect with a key: the key is one of the secrets the log must not show.
      env.put("LLAMA_API_STYLE", "llama");
      env.put("LLAMA_MODERATION", "moderations");
      env.put("SLACK_BOT_TOKEN", SLACK_BOT_TOKEN);
      env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("DISCORD_BOT_TOKEN", DISCORD_BOT_TOKEN);
      env.put("DISCORD_API_URL", discord.restBaseUrl());
      env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
      env.put("CRIA_OIDC_ISSUER", idp.issuer());
      env.put("CRIA_OIDC_CLIENT_ID", FakeOidcProvider.CLIENT_ID);
      env.put("CRIA_OIDC_CLIENT_SECRET", FakeOidcProvider.CLIENT_SECRET);
      env.put("CRIA_OIDC_ALLOWED_EMAILS", "@example.com");
      env.put("CRIA_MCP_SERVERS", "tools=" + mcp.url());
      env.put("CRIA_MCP_TOOLS_TOKEN", FakeMcpServer.TOKEN);
      env.put("CRIA_LOG_LEVEL", "debug");
      env.put("CRIA_LOG_FORMAT", format);
      env.put("CRIA_SHUTDOWN_GRACE", "5s");

      Map<String, String> secrets = new LinkedHashMap<>();
      try (CriaProcess cria = CriaProcess.start("secrets-" + format, env, STARTUP)) {
        discord.awaitConnected(1);
        Await.until(
            STARTUP,
            "the MCP server's tools offered",
            () -> cria.log().contains("MCP server tools ("),
            cria::log);

        post(
            cria,
            JSON,
            FakeSlackEvents.mention(
                "EvSecret1",
                CHANNEL,
                "1700000000.000100",
                null,
                "U0ADA",
                "What is a cria? I pasted " + SIGNING_SECRET));
        slack.awaitMessage(CHANNEL, message -> message.text().startsWith("Echo:"));

        String responseUrl = slack.responseUrl("LogTestRespUrlSecret0123456");
        String command =
            FakeSlackEvents.fixture("slash_command.txt")
                .replace("text=model+Llama-4-Maverick-17B-128E-Instruct-FP8", "text=help")
                .replace("RESPONSE_URL", URLEncoder.encode(responseUrl, StandardCharsets.UTF_8));
        post(cria, FORM, command);
        slack.await(() -> !slack.commandResponses().isEmpty(), "the /cria help answer");

        FakeDiscord.Interaction ask =
            discord.slashCommand("ask", Map.of("prompt", "What is a llama?"), null);
        discord.awaitTrue(
            () -> discord.answerOf(ask).stream().anyMatch(text -> text.contains("Echo:")),
            "the /ask answer");

        assertEquals(200, signInWithSso(cria), "a single sign-on, the secret sent to the provider");
        assertEquals(1, idp.tokenRequests().size());

        // Shutting down logs too (and flushes what is buffered).
        cria.terminate(Duration.ofSeconds(30));
        secrets.put("the Slack response_url", responseUrl);
        secrets.put("its secret part", "LogTestRespUrlSecret0123456");
        secrets.put("the Discord interaction token", ask.token());
        String log = cria.log();
        // The user pasted the signing secret: the debug log shows the answer echoing it, masked.
        assertTrue(
            log.contains("pasted+***") || log.contains("pasted ***"), "the masked echo is logged");
        secrets.putAll(configured(password));
        List<String> leaks = new ArrayList<>();
        secrets.forEach(
            (what, secret) -> {
              if (log.contains(secret)) {
                leaks.add(what + " (" + secret + ") at: " + around(log, secret));
              }
            });
        assertEquals(List.of(), leaks, "secrets in " + cria.logFile());
      }
    } finally {
      TestDatabases.dropSchema(schema);
    }
  }

  /** A single sign-on through the fake provider, as a browser goes; returns Cria's last status. */
  private static int signInWithSso(CriaProcess cria) throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> start =
        http.send(
            HttpRequest.newBuilder(cria.uri("/login/oidc")).build(),
            HttpResponse.BodyHandlers.ofString());
    String flow =
        start.headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith("cria_oidc="))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    String callback =
        http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("Location")
            .orElseThrow();
    return http.send(
            HttpRequest.newBuilder(URI.create(callback)).header("Cookie", flow).build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private static void post(CriaProcess cria, String type, String body) {
    long now = Instant.now().getEpochSecond();
    var response =
        cria.post(
            "/slack/events",
            type,
            body,
            Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(now),
                "X-Slack-Signature",
                FakeSlackSigner.sign(SIGNING_SECRET, now, body)));
    assertEquals(200, response.statusCode(), response.body());
  }

  private static Map<String, String> configured(String databasePassword) {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("SLACK_BOT_TOKEN", SLACK_BOT_TOKEN);
    secrets.put("the secret part of SLACK_BOT_TOKEN", SLACK_BOT_TOKEN.substring("xoxb-".length()));
    secrets.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    secrets.put("LLAMA_API_KEY", LLAMA_API_KEY);
    secrets.put("the secret part of LLAMA_API_KEY", "log-test-llama-key-1a2b3c4d");
    secrets.put("DISCORD_BOT_TOKEN", DISCORD_BOT_TOKEN);
    secrets.put("the HMAC of DISCORD_BOT_TOKEN", "LogTestDiscordHmacPart0123456789abcdef");
    secrets.put("the database password", databasePassword);
    secrets.put("CRIA_OIDC_CLIENT_SECRET", FakeOidcProvider.CLIENT_SECRET);
    secrets.put("CRIA_MCP_TOOLS_TOKEN", FakeMcpServer.TOKEN);
    return secrets;
  }

  /** The real password if the test server needs one, else one it ignores (trust). */
  private static String databasePassword(Map<String, Object> datasource) {
    String password = (String) datasource.get("datasources.default.password");
    return password.isEmpty() ? "log-test-db-passw0rd-9z8y" : password;
  }

  /** postgres://user:password@host:port/db?currentSchema=...&password=..., both forms at once. */
  private static String postgresUrl(Map<String, Object> datasource, String password) {
    String jdbc = (String) datasource.get("datasources.default.url");
    String user = (String) datasource.get("datasources.default.username");
    String rest = jdbc.substring("jdbc:postgresql://".length());
    String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
    return "postgresql://" + user + ":" + encoded + "@" + rest + "&password=" + encoded;
  }

  private static String around(String log, String secret) {
    int at = log.indexOf(secret);
    return log.substring(Math.max(0, at - 200), Math.min(log.length(), at + secret.length() + 50));
  }
}

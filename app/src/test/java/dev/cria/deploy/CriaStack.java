package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.persistence.TestDatabases;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a deployed Cria talks to, for tests that run the jar as a process: a fresh schema in the
 * local PostgreSQL (the test is skipped with the reason when there is none), an Ollama-shaped fake
 * model server (serving {@code llama3.2} and {@code llama-guard3:1b}) and the fake Slack Web API,
 * with Cria in Slack's HTTP Events API mode.
 */
final class CriaStack implements AutoCloseable {

  static final String SIGNING_SECRET = "it-signing-secret-5f1d2c3b4a";
  static final String CHANNEL = "C0DEPLOY";
  static final String USER = "U0ADA";
  static final Duration STARTUP = Duration.ofMinutes(2);
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);

  final String schema = TestDatabases.newSchemaName();
  final FakeLlamaApi llama;
  final FakeSlackApi slack;
  private final Map<String, Object> datasource;
  private final Path dataDir;

  CriaStack(Path workDir) {
    datasource = TestDatabases.postgres(schema);
    dataDir = workDir.resolve("data");
    llama = FakeLlamaApi.ollama();
    slack = FakeSlackApi.start();
    slack.displayName(USER, "Ada");
  }

  /** The environment an operator would set: PostgreSQL, Ollama's URL, Slack in HTTP mode. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", (String) datasource.get("datasources.default.url"));
    env.put("DATABASE_USER", (String) datasource.get("datasources.default.username"));
    String password = (String) datasource.get("datasources.default.password");
    if (!password.isEmpty()) {
      env.put("DATABASE_PASSWORD", password);
    }
    env.put("CRIA_DATA_DIR", dataDir.toString());
    // A local Ollama needs nothing but its address: no key, no style, Llama Guard by default.
    env.put("LLAMA_BASE_URL", llama.baseUrl());
    env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("CRIA_LOG_FORMAT", "json");
    env.put("CRIA_SHUTDOWN_GRACE", "20s");
    return env;
  }

  /** Posts a signed {@code app_mention} to {@code /slack/events}, as Slack does. */
  void mention(CriaProcess cria, String eventId, String ts, String threadTs, String text) {
    String body = FakeSlackEvents.mention(eventId, CHANNEL, ts, threadTs, USER, text);
    long now = Instant.now().getEpochSecond();
    var response =
        cria.post(
            "/slack/events",
            "application/json",
            body,
            Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(now),
                "X-Slack-Signature",
                FakeSlackSigner.sign(SIGNING_SECRET, now, body)));
    assertEquals(200, response.statusCode(), "Slack's delivery was not acked: " + response.body());
  }

  /** Waits for Cria's finished answer in a thread that contains {@code words}. */
  FakeSlackMessage awaitAnswer(String threadTs, String words) {
    return Await.value(
        ANSWER_WAIT,
        "an answer with '" + words + "' in " + threadTs,
        () -> answer(threadTs, words),
        () -> slack.thread(CHANNEL, threadTs).toString());
  }

  /** Cria's finished answer in a thread that contains {@code words}, if it has arrived. */
  Optional<FakeSlackMessage> answer(String threadTs, String words) {
    return slack.thread(CHANNEL, threadTs).stream()
        .filter(message -> !message.streaming() && message.text().contains(words))
        .findFirst();
  }

  /** Runs a query in this test's schema and returns the first column of the first row. */
  long count(String sql) {
    return TestDatabases.count(schema, sql);
  }

  @Override
  public void close() {
    slack.close();
    llama.close();
    TestDatabases.dropSchema(schema);
  }
}

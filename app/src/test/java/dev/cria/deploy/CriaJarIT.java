package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.process.CriaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator runs it: its own process, {@code DATABASE_URL} at an empty
 * PostgreSQL schema, the fake Llama API and the fake Slack. It migrates the database, serves {@code
 * /health}, answers a conversation, logs JSON with the conversation and event of each line, and
 * after a restart goes on with the same history.
 */
class CriaJarIT {

  private static final String THREAD = "1700000100.000100";
  private static final Pattern CRIA_METRIC =
      Pattern.compile("(?m)^(cria_[a-z0-9_]+?)(_bucket)?[{ ]");

  @TempDir Path work;
  private CriaStack stack;

  @BeforeEach
  void start() {
    stack = new CriaStack(work);
  }

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void migratesAnswersAndKeepsTheHistoryAcrossARestart() throws Exception {
    Path jar = CriaJar.current();
    long migrations;
    try (CriaProcess cria =
        CriaProcess.start(jar, stack.environment(), work.resolve("first.log"), CriaStack.STARTUP)) {
      String health = cria.get("/health").body();
      assertTrue(health.contains("\"status\":\"UP\"") && health.contains("PostgreSQL"), health);
      assertTrue(health.contains("modelServer"), "no model server detail in /health: " + health);
      migrations = stack.count("select count(*) from flyway_schema_history where success");
      assertTrue(migrations >= 1, "Flyway applied nothing");

      stack.mention(cria, "EvDEPLOY1", THREAD, null, "What is a llama?");
      stack.awaitAnswer(THREAD, "Echo:");
      stack.mention(cria, "EvDEPLOY2", "1700000100.000200", THREAD, "Flag this [[flag]]");
      stack.awaitAnswer(THREAD, "privacy");
      assertEquals(
          0,
          stack.llama.requests(FakeLlamaApi.CHAT).stream()
              .filter(request -> request.lastUserMessage().contains("[[flag]]"))
              .count(),
          "a flagged message reached the chat model");
      assertTrue(
          cria.log().contains("Model server " + stack.llama.baseUrl() + " serves: llama3.2:latest"),
          "the startup report does not list the served models:\n" + cria.log());

      assertEveryCriaMetricIsDocumented(cria.get("/prometheus").body());
      assertEquals(143, cria.terminate(Duration.ofSeconds(60)), "SIGTERM exit status");
      assertLogIsJsonWithEventKeysAndNoSecrets(cria.log());
    }

    try (CriaProcess again =
        CriaProcess.start(
            jar, stack.environment(), work.resolve("second.log"), CriaStack.STARTUP)) {
      stack.mention(again, "EvDEPLOY3", "1700000100.000300", THREAD, "And an alpaca?");
      stack.awaitAnswer(THREAD, "alpaca");

      FakeLlamaApiRequest last = stack.llama.requests(FakeLlamaApi.CHAT).getLast();
      String sent = last.body().path("messages").toString();
      assertTrue(sent.contains("What is a llama?"), "the first question was forgotten: " + sent);
      assertTrue(sent.contains("Echo:"), "the first answer was forgotten: " + sent);
      assertEquals(
          migrations,
          stack.count("select count(*) from flyway_schema_history where success"),
          "a restart must not migrate again");
    }
  }

  @Test
  void aModelTheServerLacksIsNamedAtStartupAndInTheReply() throws Exception {
    var environment = stack.environment();
    environment.put("LLAMA_MODEL", "llama3.3");
    try (CriaProcess cria =
        CriaProcess.start(
            CriaJar.current(), environment, work.resolve("missing.log"), CriaStack.STARTUP)) {
      stack.mention(cria, "EvDEPLOY9", THREAD, null, "Hello?");
      FakeSlackMessage reply = stack.awaitAnswer(THREAD, "llama3.3");

      assertTrue(reply.text().contains("ollama pull llama3.3"), reply.text());
      String report =
          cria.log()
              .lines()
              .filter(line -> line.contains("LLAMA_MODEL=llama3.3 is not served"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not named at startup:\n" + cria.log()));
      assertTrue(report.contains(stack.llama.baseUrl()), report);
      assertTrue(report.contains("llama-guard3:1b"), "the served models are not listed: " + report);
    }
  }

  private static void assertEveryCriaMetricIsDocumented(String prometheus) {
    String documented = DeployFiles.read("docs/metrics.md");
    Set<String> exposed = new TreeSet<>();
    Matcher matcher = CRIA_METRIC.matcher(prometheus);
    while (matcher.find()) {
      exposed.add(matcher.group(1).replaceAll("_(count|sum|max)$", ""));
    }
    assertTrue(exposed.contains("cria_events_total"), "no events counted: " + exposed);
    assertTrue(exposed.contains("cria_answers_total"), "no answers counted: " + exposed);
    Set<String> undocumented = new TreeSet<>(exposed);
    undocumented.removeIf(documented::contains);
    assertEquals(Set.of(), undocumented, "exposed at /prometheus but not in docs/metrics.md");
  }

  private static void assertLogIsJsonWithEventKeysAndNoSecrets(String log) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = log.lines().filter(line -> line.startsWith("{")).toList();
    assertFalse(lines.isEmpty(), "no JSON log lines:\n" + log);
    boolean eventLine = false;
    for (String line : lines) {
      JsonNode entry = json.readTree(line);
      if (entry.path("message").asText().startsWith("Moderation flagged")) {
        assertEquals(
            "slack:" + FakeSlackApi.TEAM_ID + ":" + CriaStack.CHANNEL + ":" + THREAD,
            entry.path("conversation").asText(),
            line);
        assertEquals("EvDEPLOY2", entry.path("event").asText(), line);
        eventLine = true;
      }
    }
    assertTrue(eventLine, "no log line about the flagged event:\n" + log);
    for (String secret : List.of(FakeSlackApi.BOT_TOKEN, CriaStack.SIGNING_SECRET)) {
      assertFalse(log.contains(secret), "a secret is in the log");
    }
  }
}

package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.fakes.FakeSlackSocketMode;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's default way of running Cria, on the packaged jar as a process: Socket Mode with
 * {@code SLACK_BOT_TOKEN} + {@code SLACK_APP_TOKEN} and the embedded H2 database, against a real
 * WebSocket server playing Slack. It connects, is greeted, acks within Slack's 3 seconds, answers,
 * answers a redelivered envelope once, and comes back after Slack asks it to reconnect and after
 * the socket drops.
 */
class SlackSocketModeJarIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);
  private static final Duration SLACK_ACK_DEADLINE = Duration.ofSeconds(3);
  private static final String CHANNEL = "C0SOCKJAR";

  @TempDir Path work;
  private FakeSlackSocketMode socket;
  private FakeSlackApi slack;
  private FakeLlamaApi llama;
  private CriaProcess cria;

  @BeforeEach
  void start() {
    socket = FakeSlackSocketMode.start();
    slack = FakeSlackApi.start();
    slack.socketModeUrl(socket.url());
    slack.displayName("U0ADA", "Ada");
    llama = FakeLlamaApi.ollama();
  }

  @AfterEach
  void stop() throws Exception {
    if (cria != null) {
      cria.close();
    }
    llama.close();
    slack.close();
    socket.close();
  }

  /** What the README tells an operator to set for Socket Mode, and nothing else. */
  static Map<String, String> socketModeEnvironment(
      FakeSlackApi slack, FakeLlamaApi llama, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
    env.put("SLACK_APP_TOKEN", FakeSlackApi.APP_TOKEN);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("LLAMA_BASE_URL", llama.baseUrl()); // an Ollama needs nothing else
    env.put("CRIA_DATA_DIR", dataDir.toString());
    return env;
  }

  @Test
  void connectsAnswersOnceAndReconnects() {
    cria =
        CriaProcess.start(
            "socket-mode", socketModeEnvironment(slack, llama, work.resolve("data")), STARTUP);
    String health = cria.get("/health").body();
    assertTrue(health.contains("\"slack\""), "no slack component in /health: " + health);
    assertTrue(cria.log().contains("Slack connected (Socket Mode)"), cria.log());
    socket.awaitConnectionsOpened(1);

    String first = mention("EvJAR1", CHANNEL, "1700005000.000001", null, "U0ADA", "Hi there");
    long pushed = System.nanoTime();
    socket.pushEvent("envelope-1", first);
    assertEquals("{\"envelope_id\":\"envelope-1\"}", socket.awaitAck("envelope-1").toString());
    Duration ack = Duration.ofNanos(System.nanoTime() - pushed);
    assertTrue(ack.compareTo(SLACK_ACK_DEADLINE) <= 0, "acked after " + ack + ", Slack waits 3 s");
    awaitAnswer("1700005000.000001", "Echo: Ada: Hi there");

    // Slack saw no ack in time and delivers the same envelope again: acked, not answered again.
    socket.redeliverEvent("envelope-1", first, 1);
    socket.awaitAck("envelope-1");
    socket.pushEvent(
        "envelope-2",
        mention("EvJAR2", CHANNEL, "1700005000.000002", null, "U0ADA", "Second question"));
    awaitAnswer("1700005000.000002", "Second question");
    assertEquals(
        1, answers("1700005000.000001").size(), "a redelivered envelope was answered twice");

    socket.requestReconnect();
    socket.awaitConnectionsOpened(2);
    socket.pushEvent(
        "envelope-3",
        mention("EvJAR3", CHANNEL, "1700005000.000003", null, "U0ADA", "After the refresh"));
    socket.awaitAck("envelope-3");
    awaitAnswer("1700005000.000003", "After the refresh");
    assertEquals(
        2, socket.connectionsOpened(), "a disconnect warning must open one new connection");

    socket.dropConnections();
    socket.awaitConnectionsOpened(3, ANSWER_WAIT);
    socket.pushEvent(
        "envelope-4",
        mention("EvJAR4", CHANNEL, "1700005000.000004", null, "U0ADA", "After the drop"));
    socket.awaitAck("envelope-4");
    awaitAnswer("1700005000.000004", "After the drop");
    Await.until(
        ANSWER_WAIT,
        "/health UP after reconnecting",
        () -> cria.get("/health").statusCode() == 200);
  }

  private void awaitAnswer(String threadTs, String words) {
    Await.until(
        ANSWER_WAIT,
        "an answer with '" + words + "' in " + threadTs,
        () -> answers(threadTs).stream().anyMatch(message -> message.text().contains(words)),
        () -> slack.thread(CHANNEL, threadTs).toString());
  }

  private List<FakeSlackMessage> answers(String threadTs) {
    return slack.thread(CHANNEL, threadTs).stream()
        .filter(message -> !message.streaming() && message.text().startsWith("Echo:"))
        .toList();
  }
}

package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackFailure;
import dev.cria.fakes.FakeSlackSocketMode;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import dev.cria.testing.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Slack connection that cannot be made is never silent, on the packaged jar: the cause is logged
 * once with what to check, retried with a growing delay, and {@code /health} says DOWN with the
 * same advice until the connection works, then UP.
 */
class SlackConnectionFailuresJarIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration WAIT = Duration.ofSeconds(60);

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

  private Map<String, String> environment() {
    return SlackSocketModeJarIT.socketModeEnvironment(slack, llama, work.resolve("data"));
  }

  @Test
  void aRefusedBotTokenIsLoggedOnceShownInHealthAndRetriedUntilItWorks() {
    slack.failAlways("auth.test", FakeSlackFailure.error("invalid_auth"));
    cria = CriaProcess.startAlive("slack-refused", environment(), STARTUP);

    awaitHealthDown("SLACK_BOT_TOKEN");
    String health = cria.get("/health").body();
    assertTrue(health.contains("invalid_auth"), health);
    assertEquals(503, status("/health/readiness"), "a pod without Slack must not take traffic");
    assertEquals(200, status("/health/liveness"), "a Slack outage must not restart the pod");
    // Retried with a growing delay (2 s, then 4 s), logged only the first time.
    slack.awaitCalls("auth.test", 3);
    assertEquals(1, Texts.occurrences(cria.log(), "Slack is not connected"), cria.log());

    slack.stopFailing("auth.test");
    Await.until(WAIT, "/health UP once the token works", () -> status("/health") == 200);
    assertTrue(cria.log().contains("Slack connected (Socket Mode)"), cria.log());
    assertNoSecrets(cria.log() + cria.get("/health").body());
  }

  @Test
  void anUnreachableSlackIsNamedWithTheUrlToCheck() throws IOException {
    Map<String, String> env = environment();
    env.put("SLACK_API_URL", "http://127.0.0.1:" + closedPort() + "/api/");
    cria = CriaProcess.startAlive("slack-unreachable", env, STARTUP);

    awaitHealthDown("SLACK_API_URL");
    assertTrue(cria.get("/health").body().contains("unreachable"), cria.get("/health").body());
    assertEquals(1, Texts.occurrences(cria.log(), "Slack is not connected"), cria.log());
  }

  /** The bug this test was written for: the jar shipped without Socket Mode's WebSocket client. */
  @Test
  void aClassMissingFromTheJarIsLoggedAndShownInsteadOfSilence() throws IOException {
    Path broken = withoutPackage(CriaProcess.packagedJar(), "org/java_websocket/");
    cria = CriaProcess.startAlive(broken, "slack-broken-jar", environment(), STARTUP);

    awaitHealthDown("a class is missing from Cria's jar");
    assertEquals(
        1, Texts.occurrences(cria.log(), "a class is missing from Cria's jar"), cria.log());
  }

  private void awaitHealthDown(String words) {
    Await.until(
        WAIT,
        "/health DOWN with a slack component saying '" + words + "'",
        () -> {
          var health = cria.get("/health");
          return health.statusCode() == 503
              && health.body().contains("\"slack\"")
              && health.body().contains(words);
        },
        () -> cria.get("/health").body());
  }

  private int status(String path) {
    return cria.get(path).statusCode();
  }

  private static void assertNoSecrets(String text) {
    for (String secret : new String[] {FakeSlackApi.BOT_TOKEN, FakeSlackApi.APP_TOKEN}) {
      assertFalse(text.contains(secret), "a secret is in the log or /health");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A copy of {@code jar} without the entries under {@code prefix}. */
  private Path withoutPackage(Path jar, String prefix) throws IOException {
    Path copy = work.resolve("cria-without-" + prefix.replace('/', '-') + ".jar");
    try (JarFile in = new JarFile(jar.toFile());
        OutputStream file = Files.newOutputStream(copy);
        JarOutputStream out = new JarOutputStream(file)) {
      Enumeration<JarEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(prefix)) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream content = in.getInputStream(entry)) {
          content.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return copy;
  }
}

package dev.cria.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cria.chat.ConnectionStatus;
import dev.cria.core.ToolSource.ToolException;
import dev.cria.fakes.FakeMcpServer;
import dev.cria.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A server that is down, comes up, goes away, or refuses the token: Cria offers no tools from it,
 * says why without the token, and connects again once it answers.
 */
class McpServerOutageTest {

  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final String WRONG_TOKEN = "wrong-token-8c2e11";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger sdk = (Logger) LoggerFactory.getLogger("io.modelcontextprotocol");
  private Level sdkLevel;

  @BeforeEach
  void captureEveryLogLine() {
    logs.start();
    root.addAppender(logs);
    sdkLevel = sdk.getLevel();
    // The SDK's debug lines too: they must not hold the token either.
    sdk.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stopCapturing() {
    sdk.setLevel(sdkLevel);
    root.detachAppender(logs);
  }

  @Test
  void aServerDownAtStartOffersNothingUntilItComesUp() {
    try (FakeMcpServer fake = FakeMcpServer.notStarted();
        McpToolSource source = new McpToolSource(TestServers.settings(fake))) {
      Await.until(
          WITHIN,
          "the source to report the server down",
          () -> source.status().connection().state() == ConnectionStatus.State.DOWN,
          () -> source.status().toString());
      assertEquals(List.of(), source.tools());
      String detail = source.status().connection().detail();
      assertTrue(detail.contains("cannot be reached"), detail);
      assertThrows(ToolException.class, () -> source.call("fake__get_weather", "{}", WITHIN));

      fake.up();

      McpToolSourceTest.awaitTools(source);
      assertEquals(ConnectionStatus.State.CONNECTED, source.status().connection().state());
      assertTrue(logged("offers 5 tools"), "the recovery is logged: " + lines());
    }
  }

  @Test
  void aServerThatGoesAwayHasItsToolsWithdrawnAfterTheFirstFailedCall() {
    try (FakeMcpServer fake = FakeMcpServer.start();
        McpToolSource source = new McpToolSource(TestServers.settings(fake))) {
      McpToolSourceTest.awaitTools(source);

      fake.down();
      ToolException failure =
          assertThrows(ToolException.class, () -> source.call("fake__get_weather", "{}", WITHIN));

      assertTrue(
          failure.getMessage().startsWith("The tool fake__get_weather "), failure.getMessage());
      Await.until(
          WITHIN,
          "no tools once the failed call showed the server gone (no refresh is due for 5 min)",
          () -> source.tools().isEmpty(),
          () -> source.status().toString());
      fake.up();
      McpToolSourceTest.awaitTools(source);
    }
  }

  @Test
  void aRefusedTokenIsReportedNamingTheVariableButNeverTheToken() {
    try (FakeMcpServer fake = FakeMcpServer.start();
        McpToolSource source =
            new McpToolSource(TestServers.settings(fake, WRONG_TOKEN, List.of()))) {
      Await.until(
          WITHIN,
          "the source to report the refused token",
          () -> source.status().connection().state() == ConnectionStatus.State.DOWN,
          () -> source.status().toString());

      String detail = source.status().connection().detail();
      assertTrue(detail.contains("refused Cria's token (HTTP 401)"), detail);
      assertTrue(detail.contains("check CRIA_MCP_FAKE_TOKEN"), detail);
      assertEquals(List.of(), source.tools());
      assertTrue(fake.refused() > 0, "the fake saw the wrong token");
      assertTrue(logged("CRIA_MCP_FAKE_TOKEN"), "the refusal is logged: " + lines());
      assertFalse(detail.contains(WRONG_TOKEN));
      assertFalse(
          lines().stream().anyMatch(line -> line.contains(WRONG_TOKEN)),
          "the token is in the log: " + lines());
      assertFalse(source.status().toString().contains(WRONG_TOKEN));
    }
  }

  @Test
  void aWrongPathIsReportedAsNoEndpointThere() {
    try (FakeMcpServer fake = FakeMcpServer.start()) {
      McpServerSettings wrongPath =
          new McpServerSettings(
              "fake",
              java.net.URI.create(fake.url().replace("/mcp", "/sse")),
              FakeMcpServer.TOKEN,
              List.of(),
              Duration.ofMinutes(5),
              TestServers.RETRY,
              Duration.ofSeconds(2));
      try (McpToolSource source = new McpToolSource(wrongPath)) {
        Await.until(
            WITHIN,
            "the source to report the wrong path",
            () -> source.status().connection().state() == ConnectionStatus.State.DOWN,
            () -> source.status().toString());

        String detail = source.status().connection().detail();
        assertTrue(detail.contains("answered 404: no MCP endpoint at that path"), detail);
        assertEquals(List.of(), source.tools());
      }
    }
  }

  @Test
  void aCallWithoutTheTokenIsRefusedByTheFake() throws Exception {
    try (FakeMcpServer fake = FakeMcpServer.start()) {
      var client = java.net.http.HttpClient.newHttpClient();
      var request =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.url()))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
              .build();

      var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

      assertEquals(401, response.statusCode());
      assertEquals(1, fake.refused());
    }
  }

  private boolean logged(String text) {
    return lines().stream().anyMatch(line -> line.contains(text));
  }

  private List<String> lines() {
    return logs.list.stream()
        .map(
            event ->
                event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : " " + event.getThrowableProxy().getMessage()))
        .toList();
  }
}

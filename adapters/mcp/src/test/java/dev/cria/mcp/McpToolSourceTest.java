package dev.cria.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConnectionStatus;
import dev.cria.core.ToolSource.ToolException;
import dev.cria.core.ToolSpec;
import dev.cria.fakes.FakeMcpServer;
import dev.cria.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One source against the fake MCP server: listing, calling, errors, timeouts. */
class McpToolSourceTest {

  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final Duration CALL = Duration.ofSeconds(5);

  private FakeMcpServer fake;
  private McpToolSource source;

  @BeforeEach
  void start() {
    fake = FakeMcpServer.start();
    source = new McpToolSource(TestServers.settings(fake));
    awaitTools(source);
  }

  @AfterEach
  void stop() {
    source.close();
    fake.close();
  }

  @Test
  void offersTheServersToolsUnderItsNameWithTheirSchemas() {
    Map<String, ToolSpec> tools = byName(source.tools());

    assertEquals(
        List.of(
            "fake__archived_repo",
            "fake__create_issue",
            "fake__delete_repo",
            "fake__get_weather",
            "fake__slow"),
        tools.keySet().stream().sorted().toList());
    ToolSpec weather = tools.get("fake__get_weather");
    assertEquals("The weather in a city now", weather.description());
    assertTrue(weather.parametersSchema().contains("\"city\""), weather.parametersSchema());
    assertTrue(weather.parametersSchema().contains("\"type\":\"object\""));
    assertFalse(weather.sideEffecting(), "reading the weather changes nothing");
    assertTrue(tools.get("fake__create_issue").sideEffecting(), "CONFIRM lists create_*");
    assertTrue(tools.get("fake__delete_repo").sideEffecting(), "the server says destructive");
    ConnectionStatus status = source.status().connection();
    assertEquals(ConnectionStatus.State.CONNECTED, status.state());
  }

  @Test
  void callsAToolWithTheModelsArguments() {
    String answer = source.call("fake__get_weather", "{\"city\":\"Oslo\"}", CALL);

    assertEquals("Sunny, 21 °C in Oslo", answer);
    assertEquals(List.of("get_weather {city=Oslo}"), fake.calls());
  }

  @Test
  void aResultMarkedIsErrorFailsWithTheServersWords() {
    ToolException failure =
        assertThrows(ToolException.class, () -> source.call("fake__archived_repo", "{}", CALL));

    assertEquals(
        "The tool fake__archived_repo failed: the repository is archived", failure.getMessage());
  }

  @Test
  void aToolThatDoesNotAnswerInTimeFailsWithTheTimeout() {
    ToolException failure =
        assertThrows(
            ToolException.class, () -> source.call("fake__slow", "{}", Duration.ofMillis(300)));
    fake.release();

    assertEquals("The tool fake__slow did not answer within 0.3 s.", failure.getMessage());
    assertEquals(
        "Sunny, 21 °C in Rome", source.call("fake__get_weather", "{\"city\":\"Rome\"}", CALL));
  }

  @Test
  void anUnknownToolOrArgumentsThatAreNoObjectAreRefusedWithoutACall() {
    ToolException unknown =
        assertThrows(ToolException.class, () -> source.call("fake__nope", "{}", CALL));
    ToolException badArguments =
        assertThrows(ToolException.class, () -> source.call("fake__get_weather", "[1,2]", CALL));

    assertEquals("There is no tool fake__nope on MCP server fake now.", unknown.getMessage());
    assertEquals(
        "The arguments for fake__get_weather are not a JSON object.", badArguments.getMessage());
    assertEquals(List.of(), fake.calls());
  }

  @Test
  void aToolAddedWhileRunningIsOfferedAfterTheServersNotification() {
    fake.addTool("lookup", "found it");

    Await.until(
        WITHIN,
        "fake__lookup offered after tools/list_changed",
        () -> byName(source.tools()).containsKey("fake__lookup"),
        () -> source.tools().toString());
    assertEquals("found it", source.call("fake__lookup", "{}", CALL));
  }

  @Test
  void aServerThatRestartedIsCalledAgainInANewSession() {
    fake.down();
    fake.up();

    String answer =
        Await.value(
            WITHIN,
            "a call that works after the server restarted",
            () -> {
              try {
                return java.util.Optional.of(
                    source.call("fake__get_weather", "{\"city\":\"Lima\"}", CALL));
              } catch (ToolException e) {
                return java.util.Optional.empty();
              }
            },
            () -> source.status().toString());
    assertEquals("Sunny, 21 °C in Lima", answer);
  }

  static void awaitTools(McpToolSource source) {
    Await.until(
        WITHIN,
        "the fake's tools",
        () -> !source.tools().isEmpty(),
        () -> source.status().toString());
  }

  private static Map<String, ToolSpec> byName(List<ToolSpec> tools) {
    return tools.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));
  }
}

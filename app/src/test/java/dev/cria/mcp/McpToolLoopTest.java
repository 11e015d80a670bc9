package dev.cria.mcp;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.config.EnvironmentVariables;
import dev.cria.core.ToolSource;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeMcpServer;
import dev.cria.testing.Await;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A question that needs an MCP tool: the fake MCP server's tool offered to the model (named {@code
 * <server>__<tool>}), called by the tool-call loop, its result answered, the step shown; a tool the
 * operator marked side-effecting is offered but not run (it waits for a confirmation).
 */
class McpToolLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void anMcpToolsAnswerReachesTheAskerWithTheStepShown() {
    try (FakeMcpServer github = FakeMcpServer.start()) {
      Map<String, Object> properties = new HashMap<>();
      // Only the MCP properties: the rest (the default database among them) is the harness's.
      EnvironmentVariables.toProperties(
              Map.of(
                  "CRIA_MCP_SERVERS",
                  "github=" + github.url(),
                  "CRIA_MCP_GITHUB_TOKEN",
                  FakeMcpServer.TOKEN,
                  "CRIA_MCP_GITHUB_CONFIRM",
                  "create_*"))
          .entrySet()
          .stream()
          .filter(property -> property.getKey().startsWith("cria.mcp."))
          .forEach(property -> properties.put(property.getKey(), property.getValue()));
      try (PipelineHarness harness = PipelineHarness.start(properties)) {
        Await.until(
            WAIT,
            "github's tools listed",
            () ->
                harness.context.getBeansOfType(ToolSource.class).stream()
                    .flatMap(source -> source.tools().stream())
                    .anyMatch(tool -> tool.name().equals("github__get_weather")),
            () -> harness.context.getBeansOfType(ToolSource.class).toString());
        ConversationKey thread = ConversationKey.parse("slack:T1:C1:mcp-weather");

        harness.service.accept(
            message(
                thread,
                "mcp-weather-1",
                "Weather in Cusco? [[tool:github__get_weather {\"city\":\"Cusco\"}]]"));
        Delivery reply = harness.replies.next(WAIT);

        assertFalse(reply.failed(), reply.text());
        assertTrue(reply.text().startsWith("_Using `github__get_weather`…_"), reply.text());
        assertTrue(reply.text().contains("Tool said: Sunny, 21 °C in Cusco"), reply.text());
        assertTrue(
            github.calls().stream().anyMatch(call -> call.startsWith("get_weather")),
            github.calls().toString());
        String offered =
            harness.llama.requests(FakeLlamaApi.CHAT).getLast().body().path("tools").toString();
        assertTrue(offered.contains("github__get_weather"), offered);
        assertTrue(offered.contains("github__create_issue"), "side-effecting, offered: " + offered);
        assertEquals(
            0, github.calls().stream().filter(call -> call.startsWith("create_issue")).count());
      }
    }
  }
}

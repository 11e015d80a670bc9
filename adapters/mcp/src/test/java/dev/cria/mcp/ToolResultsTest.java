package dev.cria.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.core.ToolSource.ToolException;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tool's result as text for the model, and the settings as the log may print them. */
class ToolResultsTest {

  private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

  @Test
  void textPartsAreJoinedAndWhatTheModelCannotReadIsNamed() {
    McpSchema.CallToolResult result =
        McpSchema.CallToolResult.builder()
            .addTextContent("first")
            .addContent(McpSchema.ImageContent.builder("aGk=", "image/png").build())
            .addTextContent("second")
            .build();

    assertEquals(
        "first\n[an image (image/png) the model cannot see]\nsecond",
        ToolResults.text("t", result, JSON));
  }

  @Test
  void structuredContentIsTheJsonWhenThereIsNoText() {
    McpSchema.CallToolResult result =
        McpSchema.CallToolResult.builder().structuredContent(Map.of("temperature", 21)).build();

    assertEquals("{\"temperature\":21}", ToolResults.text("t", result, JSON));
  }

  @Test
  void aLongResultIsCutAndSaysSo() {
    McpSchema.CallToolResult result =
        McpSchema.CallToolResult.builder().addTextContent("x".repeat(20_000)).build();

    String text = ToolResults.text("t", result, JSON);

    assertTrue(
        text.startsWith("x".repeat(ToolResults.MAX_CHARS) + "\n[cut:"), text.substring(0, 10));
    assertTrue(text.endsWith("the tool returned 20000 characters, the first 16000 are shown]"));
  }

  @Test
  void anErrorWithoutTextStillSaysWhichToolFailed() {
    McpSchema.CallToolResult result = McpSchema.CallToolResult.builder().isError(true).build();

    ToolException failure =
        assertThrows(ToolException.class, () -> ToolResults.text("github__x", result, JSON));

    assertEquals("The tool github__x failed: no reason given", failure.getMessage());
  }

  @Test
  void theSettingsNeverPrintTheTokenOrTheUrlsQuery() {
    McpServerSettings settings =
        new McpServerSettings(
            "github",
            URI.create("https://mcp.example/mcp?key=query-secret-1"),
            "token-secret-2",
            List.of("create_*"),
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    String printed = settings.toString();

    assertFalse(printed.contains("token-secret-2"), printed);
    assertFalse(printed.contains("query-secret-1"), printed);
    assertEquals("https://mcp.example/mcp", settings.endpoint());
    assertEquals("CRIA_MCP_GITHUB_TOKEN", settings.tokenVariable());
  }
}

package dev.cria.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.core.ToolSpec;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a server's tools are named, described and marked for the model. */
class ToolCatalogTest {

  private static final McpServerSettings SERVER =
      new McpServerSettings(
          "github",
          URI.create("https://mcp.example/mcp"),
          null,
          List.of(),
          Duration.ofMinutes(5),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));
  private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

  @ParameterizedTest
  @CsvSource({
    "create_issue, github__create_issue",
    "repo.search, github__repo_search",
    "list files/äöü, github__list_files____",
    "get-pr, github__get-pr"
  })
  void namesAreTheServersPrefixAndTheToolInCharactersEveryModelApiTakes(
      String tool, String expected) {
    assertEquals(expected, ToolCatalog.exposedName("github", tool));
  }

  @Test
  void aLongNameIsCutToSixtyFourCharacters() {
    String name = ToolCatalog.exposedName("github", "x".repeat(100));

    assertEquals(64, name.length());
    assertTrue(name.startsWith("github__xxx"));
  }

  @Test
  void twoToolsWhoseNamesCleanToTheSameOneKeepTheFirst() {
    ToolCatalog catalog =
        ToolCatalog.of(
            SERVER, List.of(tool("a.b", "first"), tool("a_b", "second")), patterns(), JSON);

    assertEquals(1, catalog.specs().size());
    assertEquals("first", catalog.specs().get(0).description());
    assertEquals("a.b", catalog.mcpName("github__a_b").orElseThrow());
  }

  @Test
  void aToolWithoutSchemaOrDescriptionStillGetsBoth() {
    McpSchema.Tool bare = McpSchema.Tool.builder("ping", Map.of()).build();

    ToolSpec spec = ToolCatalog.of(SERVER, List.of(bare), patterns(), JSON).specs().get(0);

    assertEquals("ping", spec.description());
    assertEquals("{\"type\":\"object\",\"properties\":{}}", spec.parametersSchema());
  }

  @Test
  void theOperatorsPatternsMarkSideEffectsWhateverTheServerHints() {
    McpSchema.Tool readOnlyClaim =
        McpSchema.Tool.builder("delete_branch", Map.of("type", "object"))
            .annotations(new McpSchema.ToolAnnotations(null, true, false, null, null, null))
            .build();

    List<ToolSpec> specs =
        ToolCatalog.of(
                SERVER,
                List.of(readOnlyClaim, tool("Create_Issue", "x"), tool("search", "y")),
                patterns("delete_*", "create_issue"),
                JSON)
            .specs();

    assertTrue(specs.get(0).sideEffecting(), "the operator's list wins over a read-only hint");
    assertTrue(specs.get(1).sideEffecting(), "names compare without case");
    assertFalse(specs.get(2).sideEffecting());
  }

  @Test
  void aStarConfirmsEveryTool() {
    assertTrue(new ConfirmPatterns(List.of("*")).matches("anything"));
    assertTrue(new ConfirmPatterns(List.of("*_repo")).matches("delete_repo"));
    assertFalse(new ConfirmPatterns(List.of("*_repo")).matches("repository"));
    assertFalse(new ConfirmPatterns(List.of()).matches("delete_repo"));
  }

  private static McpSchema.Tool tool(String name, String description) {
    return McpSchema.Tool.builder(name, Map.of("type", "object")).description(description).build();
  }

  private static ConfirmPatterns patterns(String... globs) {
    return new ConfirmPatterns(List.of(globs));
  }
}

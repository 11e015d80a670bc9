package dev.cria.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.config.EnvironmentVariables;
import dev.cria.core.ToolSource;
import dev.cria.core.ToolSpec;
import dev.cria.fakes.FakeMcpServer;
import dev.cria.persistence.TestDatabases;
import dev.cria.testing.Await;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assembled app with {@code CRIA_MCP_SERVERS}: one source per server among the core's {@code
 * ToolSource} beans, its tools callable, and {@code /health} showing each server, degraded (but UP)
 * while one of them is down, without a token.
 */
class McpToolsWiringTest {

  private static final Duration WITHIN = Duration.ofSeconds(15);

  @Test
  void eachConfiguredServerIsAToolSourceAndHealthShowsWhereItStands() throws Exception {
    try (FakeMcpServer github = FakeMcpServer.start();
        FakeMcpServer jira = FakeMcpServer.notStarted()) {
      Map<String, String> env =
          Map.of(
              "CRIA_MCP_SERVERS",
              "github=" + github.url() + ",jira=" + jira.url(),
              "CRIA_MCP_GITHUB_TOKEN",
              FakeMcpServer.TOKEN,
              "CRIA_MCP_GITHUB_CONFIRM",
              "create_*",
              "CRIA_MCP_JIRA_TOKEN",
              FakeMcpServer.TOKEN);
      Map<String, Object> properties = new HashMap<>();
      EnvironmentVariables.toProperties(env).entrySet().stream()
          .filter(property -> property.getKey().startsWith("cria.mcp."))
          .forEach(property -> properties.put(property.getKey(), property.getValue()));
      properties.putAll(TestDatabases.h2());
      properties.put("micronaut.server.port", -1);

      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
        Collection<ToolSource> sources =
            server.getApplicationContext().getBeansOfType(ToolSource.class);
        List<McpToolSource> mcp =
            sources.stream()
                .filter(McpToolSource.class::isInstance)
                .map(McpToolSource.class::cast)
                .toList();
        assertEquals(2, mcp.size(), "one source per server: " + sources);
        assertTrue(
            server.getApplicationContext().getBeansOfType(McpToolSource.class).stream()
                .allMatch(again -> mcp.stream().anyMatch(source -> source == again)),
            "one connection per server: the health indicator and the core share the sources");
        ToolSource githubTools =
            Await.value(
                WITHIN,
                "github's tools",
                // Among the MCP sources: the built-in current_time tool is a source too.
                () ->
                    mcp.stream()
                        .<ToolSource>map(source -> source)
                        .filter(source -> !source.tools().isEmpty())
                        .findFirst(),
                () -> mcp.stream().map(McpToolSource::status).toList().toString());

        ToolSpec create =
            githubTools.tools().stream()
                .filter(tool -> tool.name().equals("github__create_issue"))
                .findFirst()
                .orElseThrow();
        assertTrue(create.sideEffecting(), "CRIA_MCP_GITHUB_CONFIRM lists create_*");
        assertEquals(
            "Created issue #42: Llamas",
            githubTools.call("github__create_issue", "{\"title\":\"Llamas\"}", WITHIN));

        JsonNode health = health(server.getURI());
        assertEquals("UP", health.path("status").asText(), health.toString());
        JsonNode details = health.path("details").path("mcp").path("details");
        assertEquals("degraded", details.path("state").asText(), details.toString());
        JsonNode servers = details.path("servers");
        assertEquals("connected", servers.path("github").path("state").asText());
        assertTrue(
            servers.path("github").path("tools").toString().contains("github__get_weather"),
            servers.toString());
        assertEquals(github.url(), servers.path("github").path("url").asText());
        assertEquals("down", servers.path("jira").path("state").asText(), servers.toString());
        assertTrue(
            servers.path("jira").path("detail").asText().contains("cannot be reached"),
            servers.toString());
        assertFalse(health.toString().contains(FakeMcpServer.TOKEN), "the token is in /health");
      }
    }
  }

  private static JsonNode health(URI base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }
}

package dev.cria.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeMcpServer;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code CRIA_MCP_SERVERS} as an operator sets it: one server up, one down at
 * startup. Cria starts anyway, logs and shows in {@code /health} the tools of the one that answers
 * and why the other does not (never a token), and takes the second one's tools once it is up.
 */
class McpJarIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String JIRA_TOKEN = "jira-mcp-token-3b9d77";

  @TempDir Path work;

  @Test
  void criaOffersTheToolsOfEveryServerThatAnswersAndWaitsForTheOthers() {
    try (FakeLlamaApi llama = FakeLlamaApi.ollama();
        FakeMcpServer github = FakeMcpServer.start();
        FakeMcpServer jira = FakeMcpServer.notStarted()) {
      Map<String, String> env = new HashMap<>();
      env.put("LLAMA_BASE_URL", llama.baseUrl());
      env.put("CRIA_DATA_DIR", work.resolve("data").toString());
      env.put("CRIA_MCP_SERVERS", "github=" + github.url() + ",jira=" + jira.url());
      env.put("CRIA_MCP_GITHUB_TOKEN", FakeMcpServer.TOKEN);
      env.put("CRIA_MCP_GITHUB_CONFIRM", "create_*");
      // A wrong token for jira: once it is up, it refuses it, and says so.
      env.put("CRIA_MCP_JIRA_TOKEN", JIRA_TOKEN);

      try (CriaProcess cria = CriaProcess.start("mcp", env, STARTUP)) {
        Await.until(
            WAIT,
            "github's tools in /health, jira down",
            () -> {
              String health = cria.get("/health").body();
              return health.contains("github__get_weather") && health.contains("cannot be reached");
            },
            () -> cria.get("/health").body());
        Await.until(
            WAIT,
            "the log line naming github's tools",
            () -> cria.log().contains("MCP server github (" + github.url() + ") offers 5 tools"),
            cria::log);

        jira.up();

        Await.until(
            WAIT,
            "jira's refusal of the token in /health, naming the variable",
            () -> cria.get("/health").body().contains("check CRIA_MCP_JIRA_TOKEN"),
            () -> cria.get("/health").body());
        String health = cria.get("/health").body();
        assertTrue(health.contains("\"status\":\"UP\""), health);
        assertTrue(health.contains("degraded"), health);
        assertTrue(cria.log().contains("CRIA_MCP_JIRA_TOKEN"), cria.log());
        for (String token : new String[] {FakeMcpServer.TOKEN, JIRA_TOKEN}) {
          assertFalse(health.contains(token), "a token is in /health");
          assertFalse(cria.log().contains(token), "a token is in the log");
        }
        assertTrue(jira.refused() > 0, "jira was asked with the wrong token");
      }
    }
  }
}

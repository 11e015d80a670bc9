package dev.cria.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code CRIA_MCP_SERVERS} and each server's {@code CRIA_MCP_<NAME>_TOKEN} and {@code _CONFIRM}.
 */
class McpVariablesTest {

  private static final String TOKEN = "ghp_secretSecretSecret123";

  @Test
  void noServersSetNoProperties() {
    Map<String, Object> properties = EnvironmentVariables.toProperties(Map.of());

    assertTrue(properties.keySet().stream().noneMatch(key -> key.startsWith("cria.mcp.")));
  }

  @Test
  void eachServerGetsItsUrlTokenAndConfirmList() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "CRIA_MCP_SERVERS",
                " github=https://mcp.example.com/mcp , jira2=http://jira-mcp:8080/mcp?team=a",
                "CRIA_MCP_GITHUB_TOKEN",
                TOKEN,
                "CRIA_MCP_GITHUB_CONFIRM",
                "create_issue, delete_*",
                "CRIA_MCP_JIRA2_CONFIRM",
                "*"));

    assertEquals("https://mcp.example.com/mcp", properties.get("cria.mcp.servers.github.url"));
    assertEquals(TOKEN, properties.get("cria.mcp.servers.github.token"));
    assertEquals(
        List.of("create_issue", "delete_*"), properties.get("cria.mcp.servers.github.confirm"));
    assertEquals("http://jira-mcp:8080/mcp?team=a", properties.get("cria.mcp.servers.jira2.url"));
    assertFalse(properties.containsKey("cria.mcp.servers.jira2.token"), "a token is optional");
    assertEquals(List.of("*"), properties.get("cria.mcp.servers.jira2.confirm"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://mcp.example.com/mcp|must list name=url entries",
        "GitHub=https://mcp.example.com/mcp|must list name=url entries",
        "git_hub=https://mcp.example.com/mcp|must list name=url entries",
        "github=https://a.example/mcp,,jira=https://b.example/mcp|got: ''",
        "github=https://a.example/mcp,github=https://b.example/mcp|names the server github twice",
        "github=ftp://a.example/mcp|the URL of github must be an http(s) URL",
        "github=not a url|the URL of github is not a valid URL",
        "github=/mcp|the URL of github must be an http(s) URL"
      })
  void aMalformedServerListStopsStartupNamingTheVariable(String value, String reason) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> EnvironmentVariables.toProperties(Map.of("CRIA_MCP_SERVERS", value)));

    assertTrue(e.getMessage().startsWith("CRIA_MCP_SERVERS"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                EnvironmentVariables.toProperties(
                    Map.of("CRIA_MCP_SERVERS", "github=https://me:" + TOKEN + "@mcp.example/mcp")));

    assertTrue(e.getMessage().contains("put the server's token in CRIA_MCP_GITHUB_TOKEN"));
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
  }

  @Test
  void aTokenWithASpaceOrLineBreakIsRefusedWithoutRepeatingIt() {
    Map<String, String> env = new HashMap<>();
    env.put("CRIA_MCP_SERVERS", "github=https://mcp.example/mcp");
    env.put("CRIA_MCP_GITHUB_TOKEN", "Bearer " + TOKEN);

    ConfigException e =
        assertThrows(ConfigException.class, () -> EnvironmentVariables.toProperties(env));

    assertTrue(e.getMessage().startsWith("CRIA_MCP_GITHUB_TOKEN must be one bearer token"));
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
  }

  @Test
  void aMalformedConfirmListStopsStartupNamingTheVariable() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                EnvironmentVariables.toProperties(
                    Map.of(
                        "CRIA_MCP_SERVERS", "github=https://mcp.example/mcp",
                        "CRIA_MCP_GITHUB_CONFIRM", "create issue")));

    assertTrue(e.getMessage().startsWith("CRIA_MCP_GITHUB_CONFIRM must list"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CRIA_MCP_JIRA_TOKEN|CRIA_MCP_JIRA_TOKEN is set but CRIA_MCP_SERVERS names no server jira"
            + " (it names github)",
        "CRIA_MCP_GITHUB_TOKN|CRIA_MCP_GITHUB_TOKN is not a variable Cria reads",
        "CRIA_MCP_TOKEN|CRIA_MCP_TOKEN is not a variable Cria reads"
      })
  void aVariableForNoConfiguredServerIsATypoThatStopsStartup(String variable, String message) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                EnvironmentVariables.toProperties(
                    Map.of("CRIA_MCP_SERVERS", "github=https://mcp.example/mcp", variable, TOKEN)));

    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
  }

  @Test
  void aBlankVariableIsNotSet() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of("CRIA_MCP_SERVERS", "", "CRIA_MCP_JIRA_TOKEN", " "));

    assertTrue(properties.keySet().stream().noneMatch(key -> key.startsWith("cria.mcp.")));
  }
}

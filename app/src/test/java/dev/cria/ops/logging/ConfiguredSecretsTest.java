package dev.cria.ops.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masking the configured secrets by value, whatever their shape. */
class ConfiguredSecretsTest {

  private final ConfiguredSecrets secrets =
      ConfiguredSecrets.of(
          Map.of(
              "SLACK_SIGNING_SECRET", "plain-looking-signing-secret",
              "LLAMA_API_KEY", "LLM|42|key-part",
              "DATABASE_URL", "postgres://cria:p%40ss-w0rd-long@db:5432/cria",
              "DISCORD_BOT_TOKEN", " padded-discord-token \n",
              "DATABASE_PASSWORD", "short",
              "SLACK_API_URL", "https://slack.com/api/"));

  @Test
  void eachConfiguredSecretIsMaskedWherever() {
    assertEquals(
        "sig *** key *** db p@*** tok ***",
        secrets.mask(
            "sig plain-looking-signing-secret key LLM|42|key-part db p@p@ss-w0rd-long tok"
                + " padded-discord-token"));
  }

  @Test
  void shortValuesAndNonSecretsAreLeftAlone() {
    assertEquals(
        "a short reply from https://slack.com/api/",
        secrets.mask("a short reply from https://slack.com/api/"));
    assertEquals(4, secrets.size());
  }

  @Test
  void everyMcpServersTokenIsMaskedWhateverTheServersName() {
    ConfiguredSecrets mcp =
        ConfiguredSecrets.of(
            Map.of(
                "CRIA_MCP_GITHUB_TOKEN", "ghp_mcpTokenOfGithub",
                "CRIA_MCP_JIRA2_TOKEN", "jira-mcp-token-2",
                "CRIA_MCP_SERVERS", "github=https://mcp.example/mcp"));

    assertEquals(
        "*** and *** at https://mcp.example/mcp",
        mcp.mask("ghp_mcpTokenOfGithub and jira-mcp-token-2 at https://mcp.example/mcp"));
  }

  @Test
  void noSecretsMasksNothing() {
    assertEquals("anything", ConfiguredSecrets.of(Map.of()).mask("anything"));
  }
}

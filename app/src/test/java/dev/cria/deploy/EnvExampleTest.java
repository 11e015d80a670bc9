package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.config.EnvironmentVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/.env.example documents exactly the variables Cria reads, each with a comment. */
class EnvExampleTest {

  private static final String FILE = "deploy/.env.example";
  private static final Set<String> SECRETS =
      Set.of(
          "LLAMA_API_KEY",
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN",
          "DISCORD_BOT_TOKEN",
          "CRIA_WEB_PASSWORD");

  private final Map<String, DeployFiles.EnvEntry> entries = DeployFiles.envFile(FILE);

  @Test
  void listsEveryVariableCriaReads() {
    Set<String> missing = new TreeSet<>(EnvironmentVariables.NAMES);
    missing.removeAll(entries.keySet());

    assertEquals(Set.of(), missing, FILE + " does not mention these variables");
  }

  @Test
  void listsNoVariableCriaIgnores() {
    Set<String> unknown = new TreeSet<>(entries.keySet());
    unknown.removeAll(EnvironmentVariables.NAMES);

    assertEquals(Set.of(), unknown, FILE + " sets variables no Cria code reads");
  }

  @Test
  void explainsEachVariableInTheLineAbove() {
    for (DeployFiles.EnvEntry entry : entries.values()) {
      assertTrue(entry.described(), entry.name() + " has no comment above it in " + FILE);
    }
  }

  @Test
  void shipsNoTokens() {
    for (String name : SECRETS) {
      DeployFiles.EnvEntry entry = entries.get(name);
      assertTrue(
          entry.commentedOut() || entry.value().isEmpty(),
          name + " must be empty in the example, got: " + entry.value());
    }
  }

  @Test
  void passesCriaValidationWhenCopiedAsIs() {
    Map<String, String> env = new HashMap<>(DeployFiles.settings(entries));
    env.put("DATABASE_URL", ComposeFileTest.criaEnvironment().get("DATABASE_URL"));

    Map<String, Object> properties = EnvironmentVariables.toProperties(env);

    assertEquals("jdbc:postgresql://db:5432/cria", properties.get("datasources.default.url"));
    assertEquals("cria", properties.get("datasources.default.username"));
  }

  @Test
  void documentsOnlyDefaultsCriaAccepts() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(DeployFiles.settingsAndDefaults(entries));

    assertEquals("text", properties.get("cria.log-format"));
    assertEquals(16000L, properties.get("cria.conversation.context-tokens"));
  }
}

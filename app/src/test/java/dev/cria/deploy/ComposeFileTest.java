package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.config.EnvironmentVariables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml: Cria waits for a healthy PostgreSQL 16 on a named volume and for Ollama (its
 * official image, models on a named volume) to have pulled the chat model and Llama Guard, reads
 * deploy/.env and sets only variables Cria reads.
 */
class ComposeFileTest {

  private static final String FILE = "deploy/compose.yaml";
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

  private final Map<String, Object> compose = DeployFiles.yaml(FILE);

  static Map<String, String> criaEnvironment() {
    return DeployFiles.at(DeployFiles.yaml(FILE), "services", "cria", "environment");
  }

  @Test
  void runsPostgres16OnANamedVolumeWithAHealthCheck() {
    Map<String, Object> db = DeployFiles.at(compose, "services", "db");
    List<String> volumes = DeployFiles.at(db, "volumes");
    List<String> test = DeployFiles.at(db, "healthcheck", "test");
    Map<String, Object> namedVolumes = DeployFiles.at(compose, "volumes");

    assertEquals("postgres:16", db.get("image"));
    String volume = volumes.getFirst().split(":")[0];
    assertTrue(namedVolumes.containsKey(volume), volume + " is not a named volume");
    assertTrue(String.join(" ", test).contains("pg_isready"), "health check: " + test);
  }

  @Test
  void criaStartsOnceTheDatabaseIsHealthyAndTheModelsArePulled() {
    Map<String, Object> dependsOn = DeployFiles.at(compose, "services", "cria", "depends_on");

    assertEquals(Map.of("condition", "service_healthy"), dependsOn.get("db"));
    assertEquals(
        Map.of("condition", "service_completed_successfully"), dependsOn.get("ollama-pull"));
  }

  @Test
  void runsOllamaFromItsOfficialImageOnANamedVolumeWithAHealthCheck() {
    Map<String, Object> ollama = DeployFiles.at(compose, "services", "ollama");
    List<String> volumes = DeployFiles.at(ollama, "volumes");
    List<String> test = DeployFiles.at(ollama, "healthcheck", "test");
    Map<String, Object> namedVolumes = DeployFiles.at(compose, "volumes");

    assertTrue(((String) ollama.get("image")).startsWith("ollama/ollama:"), "image");
    String[] volume = volumes.getFirst().split(":");
    assertTrue(namedVolumes.containsKey(volume[0]), volume[0] + " is not a named volume");
    assertEquals("/root/.ollama", volume[1], "where Ollama keeps its models");
    assertEquals(List.of("CMD", "ollama", "list"), test);
  }

  @Test
  void aOneShotServicePullsTheChatModelAndLlamaGuardOnceOllamaIsHealthy() {
    Map<String, Object> pull = DeployFiles.at(compose, "services", "ollama-pull");
    Map<String, Object> dependsOn = DeployFiles.at(pull, "depends_on");
    String command = String.join(" ", DeployFiles.<List<String>>at(pull, "command"));
    Map<String, DeployFiles.EnvEntry> example = DeployFiles.envFile("deploy/.env.example");

    assertEquals("no", pull.get("restart"), "a one-shot service");
    assertEquals(Map.of("condition", "service_healthy"), dependsOn.get("ollama"));
    assertEquals("http://ollama:11434", DeployFiles.at(pull, "environment", "OLLAMA_HOST"));
    assertTrue(
        command.contains("ollama pull ${LLAMA_MODEL:-" + example.get("LLAMA_MODEL").value() + "}"),
        "pulls LLAMA_MODEL with the documented default: " + command);
    assertTrue(
        command.contains(
            "ollama pull ${LLAMA_MODERATION_MODEL:-"
                + example.get("LLAMA_MODERATION_MODEL").value()
                + "}"),
        "pulls the Llama Guard model with the documented default: " + command);
  }

  @Test
  void criaTalksToTheBundledOllamaUnlessDotEnvSaysOtherwise() {
    String url = criaEnvironment().get("LLAMA_BASE_URL");

    assertEquals("${LLAMA_BASE_URL:-http://ollama:11434/v1}", url);
    assertTrue(
        DeployFiles.<Map<String, Object>>at(compose, "services").containsKey("ollama"),
        "the URL names the ollama service");
  }

  @Test
  void criaBuildsFromTheDockerfileAndReadsDotEnv() {
    Map<String, Object> cria = DeployFiles.at(compose, "services", "cria");

    assertEquals("deploy/Dockerfile", DeployFiles.at(cria, "build", "dockerfile"));
    assertEquals("..", DeployFiles.at(cria, "build", "context"));
    assertEquals(List.of(".env"), cria.get("env_file"));
  }

  @Test
  void databaseUrlPointsAtTheDbService() {
    String url = criaEnvironment().get("DATABASE_URL");

    assertTrue(url.startsWith("jdbc:postgresql://db:5432/"), url);
    assertEquals(
        "jdbc:postgresql://db:5432/cria",
        EnvironmentVariables.toProperties(Map.of("DATABASE_URL", url))
            .get("datasources.default.url"));
  }

  @Test
  void setsOnlyVariablesCriaReads() {
    Set<String> unknown = new TreeSet<>(criaEnvironment().keySet());
    unknown.removeAll(EnvironmentVariables.NAMES);

    assertEquals(Set.of(), unknown, "the cria service sets variables no Cria code reads");
  }

  @Test
  void interpolatesOnlyVariablesFromDotEnvThatCriaReads() {
    Set<String> interpolated = new TreeSet<>();
    Matcher matcher = INTERPOLATION.matcher(DeployFiles.read(FILE).replace("$${", "escaped{"));
    while (matcher.find()) {
      interpolated.add(matcher.group(1));
    }
    Set<String> unknown = new TreeSet<>(interpolated);
    unknown.removeAll(EnvironmentVariables.NAMES);

    assertTrue(interpolated.contains("DATABASE_PASSWORD"), "db password comes from .env");
    assertEquals(Set.of(), unknown, "deploy/.env would have to set variables Cria ignores");
  }

  @Test
  void givesInFlightAnswersTimeToFinishOnStop() {
    Map<String, Object> cria = DeployFiles.at(compose, "services", "cria");
    String stopGrace = (String) cria.get("stop_grace_period");

    assertEquals(true, cria.get("init"));
    String shutdownGrace =
        DeployFiles.envFile("deploy/.env.example").get("CRIA_SHUTDOWN_GRACE").value();

    assertTrue(
        DeployFiles.seconds(stopGrace) > DeployFiles.seconds(shutdownGrace),
        "stop_grace_period " + stopGrace + " must exceed CRIA_SHUTDOWN_GRACE " + shutdownGrace);
  }
}

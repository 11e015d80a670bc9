package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.config.EnvironmentVariables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.vllm.yaml, the GPU variant: vLLM serves Llama 4 and, on a second server, Llama
 * Guard 4; Cria waits for both to be healthy and is wired to each.
 */
class VllmComposeFileTest {

  private static final String FILE = "deploy/compose.vllm.yaml";

  private final Map<String, Object> compose = DeployFiles.yaml(FILE);

  @Test
  void runsLlama4AndLlamaGuard4OnVllmWithGpusAndHealthChecks() {
    for (var server :
        Map.of(
                "vllm", "meta-llama/Llama-4-Scout-17B-16E-Instruct",
                "vllm-guard", "meta-llama/Llama-Guard-4-12B")
            .entrySet()) {
      Map<String, Object> service = DeployFiles.at(compose, "services", server.getKey());
      List<String> command = DeployFiles.at(service, "command");
      List<Map<String, Object>> devices =
          DeployFiles.at(service, "deploy", "resources", "reservations", "devices");
      List<String> health = DeployFiles.at(service, "healthcheck", "test");

      assertTrue(((String) service.get("image")).startsWith("vllm/vllm-openai:"));
      assertTrue(command.contains("--model=" + server.getValue()), command.toString());
      assertEquals("nvidia", devices.getFirst().get("driver"));
      assertTrue(String.join(" ", health).contains("localhost:8000/health"), health.toString());
      String cache = DeployFiles.<List<String>>at(service, "volumes").getFirst().split(":")[0];
      assertTrue(DeployFiles.<Map<String, Object>>at(compose, "volumes").containsKey(cache));
    }
  }

  @Test
  void criaStartsOnceTheDatabaseAndBothServersAreHealthy() {
    Map<String, Object> dependsOn = DeployFiles.at(compose, "services", "cria", "depends_on");

    for (String service : List.of("db", "vllm", "vllm-guard")) {
      assertEquals(Map.of("condition", "service_healthy"), dependsOn.get(service), service);
    }
  }

  @Test
  void criaIsWiredToTheChatServerAndTheGuardServer() {
    Map<String, String> env = DeployFiles.at(compose, "services", "cria", "environment");

    assertEquals("http://vllm:8000/v1", env.get("LLAMA_BASE_URL"));
    assertEquals("http://vllm-guard:8000/v1", env.get("LLAMA_MODERATION_BASE_URL"));
    assertEquals("meta-llama/Llama-Guard-4-12B", env.get("LLAMA_MODERATION_MODEL"));
    assertEquals("guard", env.get("LLAMA_MODERATION"));
    Set<String> unknown = new TreeSet<>(env.keySet());
    unknown.removeAll(EnvironmentVariables.NAMES);
    assertEquals(Set.of(), unknown, "variables no Cria code reads");
    Map<String, String> checked = new java.util.HashMap<>(env);
    checked.put("LLAMA_MODEL", "meta-llama/Llama-4-Scout-17B-16E-Instruct");
    assertEquals("guard", EnvironmentVariables.toProperties(checked).get("cria.llama.moderation"));
  }
}

package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/ollama: an optional kustomize component (off in the base, on in the with-ollama
 * overlay) with Ollama's Deployment and Service, the models on a claim, and a Job pulling the
 * ConfigMap's chat and Llama Guard models; the ConfigMap's LLAMA_BASE_URL names its Service.
 */
class OllamaComponentTest {

  private static final String DIR = "deploy/k8s/";

  private final Map<String, Map<String, Object>> byKind = new HashMap<>();

  OllamaComponentTest() {
    for (Map<String, Object> manifest : DeployFiles.yamlDocuments(DIR + "ollama/ollama.yaml")) {
      byKind.put((String) manifest.get("kind"), manifest);
    }
  }

  @Test
  void isAComponentThatOnlyTheOverlaySwitchesOn() {
    Map<String, Object> component = DeployFiles.yaml(DIR + "ollama/kustomization.yaml");
    Map<String, Object> base = DeployFiles.yaml(DIR + "kustomization.yaml");
    Map<String, Object> overlay = DeployFiles.yaml(DIR + "with-ollama/kustomization.yaml");

    assertEquals("Component", component.get("kind"));
    assertEquals(List.of("ollama.yaml"), component.get("resources"));
    assertFalse(base.containsKey("components"), "off by default");
    assertEquals(List.of("../ollama"), overlay.get("components"));
    assertEquals(List.of(".."), overlay.get("resources"));
  }

  @Test
  void runsTheOfficialImageWithProbesOnAClaim() {
    Map<String, Object> pod = DeployFiles.at(byKind.get("Deployment"), "spec", "template", "spec");
    Map<String, Object> container =
        DeployFiles.<List<Map<String, Object>>>at(pod, "containers").getFirst();
    List<Map<String, Object>> volumes = DeployFiles.at(pod, "volumes");

    assertTrue(((String) container.get("image")).startsWith("ollama/ollama:"));
    assertEquals("ollama", DeployFiles.at(container, "readinessProbe", "httpGet", "port"));
    String claim = DeployFiles.at(byKind.get("PersistentVolumeClaim"), "metadata", "name");
    String mounted = DeployFiles.at(volumes.getFirst(), "persistentVolumeClaim", "claimName");
    assertEquals(claim, mounted);
  }

  @Test
  void theConfigMapsBaseUrlNamesTheServiceAndItsPort() {
    String baseUrl = DeployFiles.at(configMap(), "data", "LLAMA_BASE_URL");
    URI url = URI.create(baseUrl);
    String serviceName = DeployFiles.at(byKind.get("Service"), "metadata", "name");
    Map<String, Object> service = byKind.get("Service");
    Map<String, Object> port =
        DeployFiles.<List<Map<String, Object>>>at(service, "spec", "ports").getFirst();
    Map<String, String> podLabels =
        DeployFiles.at(byKind.get("Deployment"), "spec", "template", "metadata", "labels");

    assertEquals(serviceName, url.getHost());
    assertEquals((int) port.get("port"), url.getPort());
    assertEquals("/v1", url.getPath());
    assertTrue(
        podLabels
            .entrySet()
            .containsAll(
                DeployFiles.<Map<String, String>>at(service, "spec", "selector").entrySet()));
  }

  @Test
  void theJobPullsTheConfigMapsChatAndGuardModels() {
    Map<String, Object> container =
        DeployFiles.<List<Map<String, Object>>>at(
                byKind.get("Job"), "spec", "template", "spec", "containers")
            .getFirst();
    List<Map<String, Object>> env = DeployFiles.at(container, "env");
    String script = String.join(" ", DeployFiles.<List<String>>at(container, "args"));
    Map<String, Object> data = DeployFiles.at(configMap(), "data");

    for (String variable : List.of("LLAMA_MODEL", "LLAMA_MODERATION_MODEL")) {
      assertTrue(script.contains("ollama pull \"$" + variable + "\""), script);
      Map<String, Object> entry =
          env.stream().filter(e -> variable.equals(e.get("name"))).findFirst().orElseThrow();
      String key = DeployFiles.at(entry, "valueFrom", "configMapKeyRef", "key");
      assertEquals(variable, key);
      assertTrue(data.containsKey(variable), "the ConfigMap sets " + variable);
    }
    assertEquals("llama-guard3:1b", data.get("LLAMA_MODERATION_MODEL"));
    assertEquals("guard", data.get("LLAMA_MODERATION"));
  }

  private static Map<String, Object> configMap() {
    return DeployFiles.yaml(DIR + "configmap.yaml");
  }
}

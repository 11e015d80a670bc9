package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.config.EnvironmentVariables;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s: the kustomization's manifests parse, the Deployment runs two hardened replicas with
 * probes and limits, and every variable the ConfigMap and the Secret example set is one Cria reads.
 */
class KubernetesManifestsTest {

  private static final String DIR = "deploy/k8s/";

  private final Map<String, Object> kustomization = DeployFiles.yaml(DIR + "kustomization.yaml");
  private final Map<String, Map<String, Object>> byKind = manifestsByKind();

  @Test
  void everyResourceOfTheKustomizationExistsAndParses() {
    assertEquals(
        Set.of("ConfigMap", "Deployment", "Service", "PodDisruptionBudget"), byKind.keySet());
  }

  @Test
  void secretExampleIsNotAppliedByDefault() {
    List<String> resources = DeployFiles.at(kustomization, "resources");
    Map<String, Object> secret = DeployFiles.yaml(DIR + "secret.example.yaml");

    assertFalse(resources.contains("secret.example.yaml"));
    assertEquals("Secret", secret.get("kind"));
    assertEquals(secretName(), DeployFiles.at(secret, "metadata", "name"));
  }

  @Test
  void deploymentRunsTwoReplicasWithProbesOnHealth() {
    Map<String, Object> deployment = byKind.get("Deployment");
    Map<String, Object> container = container();

    assertEquals(2, (int) DeployFiles.at(deployment, "spec", "replicas"));
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      String path = DeployFiles.at(container, probe, "httpGet", "path");
      assertTrue(path.startsWith("/health"), probe + " checks " + path);
      assertEquals("http", DeployFiles.at(container, probe, "httpGet", "port"));
    }
    assertEquals("/health/liveness", DeployFiles.at(container, "livenessProbe", "httpGet", "path"));
    assertEquals(
        "/health/readiness", DeployFiles.at(container, "readinessProbe", "httpGet", "path"));
  }

  @Test
  void deploymentHasRequestsAndLimitsForTheJvm() {
    Map<String, String> requests = DeployFiles.at(container(), "resources", "requests");
    Map<String, String> limits = DeployFiles.at(container(), "resources", "limits");

    assertNotNull(requests.get("cpu"));
    assertNotNull(limits.get("cpu"));
    assertTrue(mebibytes(requests.get("memory")) >= 600, "request " + requests);
    assertTrue(
        mebibytes(limits.get("memory")) * 0.75 >= 600,
        "75% of the limit is the heap ceiling and should hold a 600 MB JVM: " + limits);
  }

  @Test
  void podRunsAsNonRootOnAReadOnlyRootFilesystem() {
    Map<String, Object> pod = podSpec();
    Map<String, Object> container = container();
    List<Map<String, Object>> mounts = DeployFiles.at(container, "volumeMounts");
    List<Map<String, Object>> volumes = DeployFiles.at(pod, "volumes");

    assertEquals(true, DeployFiles.at(pod, "securityContext", "runAsNonRoot"));
    assertEquals(10001, (int) DeployFiles.at(pod, "securityContext", "runAsUser"));
    assertEquals(true, DeployFiles.at(container, "securityContext", "runAsNonRoot"));
    assertEquals(true, DeployFiles.at(container, "securityContext", "readOnlyRootFilesystem"));
    assertEquals(false, DeployFiles.at(container, "securityContext", "allowPrivilegeEscalation"));
    Map<String, String> mountPaths = new HashMap<>();
    mounts.forEach(m -> mountPaths.put((String) m.get("mountPath"), (String) m.get("name")));
    assertEquals(Set.of("/tmp", "/data"), mountPaths.keySet());
    for (String name : mountPaths.values()) {
      assertTrue(
          volumes.stream().anyMatch(v -> name.equals(v.get("name")) && v.containsKey("emptyDir")),
          name + " is not an emptyDir");
    }
  }

  @Test
  void terminationGraceOutlastsCriaShutdownGraceAndPreStop() {
    int termination = DeployFiles.at(podSpec(), "terminationGracePeriodSeconds");
    List<String> preStop = DeployFiles.at(container(), "lifecycle", "preStop", "exec", "command");
    double pause = Double.parseDouble(preStop.getLast());

    assertTrue(
        termination > DeployFiles.seconds(shutdownGrace()) + pause,
        termination + "s must exceed CRIA_SHUTDOWN_GRACE " + shutdownGrace() + " + " + pause);
  }

  @Test
  void serviceSendsPort80ToTheContainersHttpPort() {
    Map<String, Object> port =
        DeployFiles.<List<Map<String, Object>>>at(byKind.get("Service"), "spec", "ports")
            .getFirst();
    List<Map<String, Object>> containerPorts = DeployFiles.at(container(), "ports");

    assertEquals(80, (int) port.get("port"));
    assertEquals("http", port.get("targetPort"));
    assertEquals("http", containerPorts.getFirst().get("name"));
    assertEquals(8080, (int) containerPorts.getFirst().get("containerPort"));
  }

  @Test
  void serviceAndBudgetSelectTheDeploymentsPods() {
    Map<String, String> podLabels =
        DeployFiles.at(byKind.get("Deployment"), "spec", "template", "metadata", "labels");
    Map<String, String> serviceSelector = DeployFiles.at(byKind.get("Service"), "spec", "selector");
    Map<String, String> budgetSelector =
        DeployFiles.at(byKind.get("PodDisruptionBudget"), "spec", "selector", "matchLabels");

    assertTrue(podLabels.entrySet().containsAll(serviceSelector.entrySet()));
    assertTrue(podLabels.entrySet().containsAll(budgetSelector.entrySet()));
    assertEquals(
        1, (int) DeployFiles.at(byKind.get("PodDisruptionBudget"), "spec", "minAvailable"));
  }

  @Test
  void configMapAndSecretSetOnlyVariablesCriaReads() {
    Map<String, Object> configData = DeployFiles.at(byKind.get("ConfigMap"), "data");
    Map<String, Object> secretData =
        DeployFiles.at(DeployFiles.yaml(DIR + "secret.example.yaml"), "stringData");
    Set<String> unknown = new TreeSet<>(configData.keySet());
    unknown.addAll(secretData.keySet());
    unknown.removeAll(EnvironmentVariables.NAMES);

    assertEquals(Set.of(), unknown, "variables no Cria code reads");
    assertTrue(secretData.containsKey("DATABASE_URL"), "replicas need the shared PostgreSQL");
    Map<String, String> env = new HashMap<>();
    configData.forEach((name, value) -> env.put(name, String.valueOf(value)));
    secretData.forEach((name, value) -> env.put(name, String.valueOf(value)));
    assertEquals(
        "org.postgresql.Driver",
        EnvironmentVariables.toProperties(env).get("datasources.default.driver-class-name"));
  }

  @Test
  void deploymentTakesItsEnvironmentFromTheConfigMapAndTheSecret() {
    List<Map<String, Map<String, String>>> envFrom = DeployFiles.at(container(), "envFrom");

    assertEquals(
        DeployFiles.at(byKind.get("ConfigMap"), "metadata", "name"),
        envFrom.get(0).get("configMapRef").get("name"));
    assertEquals(secretName(), envFrom.get(1).get("secretRef").get("name"));
    assertFalse(container().containsKey("env"), "settings belong in the ConfigMap or the Secret");
  }

  static String shutdownGrace() {
    return DeployFiles.at(DeployFiles.yaml(DIR + "configmap.yaml"), "data", "CRIA_SHUTDOWN_GRACE");
  }

  private String secretName() {
    List<Map<String, Map<String, String>>> envFrom = DeployFiles.at(container(), "envFrom");
    return envFrom.get(1).get("secretRef").get("name");
  }

  private Map<String, Object> podSpec() {
    return DeployFiles.at(byKind.get("Deployment"), "spec", "template", "spec");
  }

  private Map<String, Object> container() {
    List<Map<String, Object>> containers = DeployFiles.at(podSpec(), "containers");
    assertEquals(1, containers.size());
    return containers.getFirst();
  }

  private Map<String, Map<String, Object>> manifestsByKind() {
    Map<String, Map<String, Object>> manifests = new HashMap<>();
    List<String> resources = DeployFiles.at(kustomization, "resources");
    for (String resource : resources) {
      assertTrue(Files.isRegularFile(DeployFiles.path(DIR + resource)), resource + " is missing");
      for (Map<String, Object> manifest : DeployFiles.yamlDocuments(DIR + resource)) {
        assertNotNull(manifest.get("apiVersion"), resource + " has no apiVersion");
        manifests.put((String) manifest.get("kind"), manifest);
      }
    }
    return manifests;
  }

  private static double mebibytes(String quantity) {
    if (quantity.endsWith("Gi")) {
      return Double.parseDouble(quantity.replace("Gi", "")) * 1024;
    }
    if (quantity.endsWith("Mi")) {
      return Double.parseDouble(quantity.replace("Mi", ""));
    }
    throw new AssertionError("write memory in Mi or Gi: " + quantity);
  }
}

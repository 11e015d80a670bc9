package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/cria-dashboard.json queries only metrics docs/metrics.md documents, and charts
 * every Cria metric documented there.
 */
class DashboardTest {

  /** Metric names from Cria, Micronaut and the JVM, as they appear in PromQL and in the docs. */
  private static final Pattern METRIC =
      Pattern.compile(
          "\\b(?:cria|http_server|hikaricp|jvm|process|system|executor|logback)_[a-z0-9_]*[a-z0-9]");

  private static final Pattern TIMER_SUFFIX = Pattern.compile("_(count|sum|max|bucket)$");

  private final String metricsDoc = DeployFiles.read("docs/metrics.md");

  @Test
  void everyQueriedMetricIsDocumented() throws Exception {
    Set<String> undocumented = new TreeSet<>();
    for (String metric : queriedMetrics()) {
      String base = TIMER_SUFFIX.matcher(metric).replaceAll("");
      if (!metricsDoc.contains(metric) && !metricsDoc.contains(base)) {
        undocumented.add(metric);
      }
    }

    assertEquals(Set.of(), undocumented, "queried by the dashboard but not in docs/metrics.md");
  }

  @Test
  void everyDocumentedCriaMetricIsCharted() throws Exception {
    Set<String> queried = new TreeSet<>();
    for (String metric : queriedMetrics()) {
      queried.add(TIMER_SUFFIX.matcher(metric).replaceAll(""));
    }
    Set<String> uncharted = new TreeSet<>();
    Matcher documented = METRIC.matcher(metricsDoc);
    while (documented.find()) {
      String name = TIMER_SUFFIX.matcher(documented.group()).replaceAll("");
      if (name.startsWith("cria_") && !queried.contains(name)) {
        uncharted.add(name);
      }
    }

    assertEquals(Set.of(), uncharted, "documented Cria metrics without a panel");
  }

  @Test
  void panelsUseTheDatasourceVariable() throws Exception {
    JsonNode dashboard = dashboard();
    JsonNode variables = dashboard.at("/templating/list");

    assertEquals("datasource", variables.get(0).get("type").asText());
    for (JsonNode panel : dashboard.get("panels")) {
      if (!"row".equals(panel.get("type").asText())) {
        assertEquals("${datasource}", panel.at("/datasource/uid").asText(), panel.toString());
        assertFalse(panel.get("targets").isEmpty(), panel.get("title").asText());
      }
    }
  }

  private Set<String> queriedMetrics() throws Exception {
    Set<String> metrics = new TreeSet<>();
    for (JsonNode panel : dashboard().get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher matcher = METRIC.matcher(target.get("expr").asText());
        while (matcher.find()) {
          metrics.add(matcher.group());
        }
      }
    }
    assertTrue(metrics.size() > 10, "too few metrics found: " + metrics);
    return metrics;
  }

  private static JsonNode dashboard() throws Exception {
    return new ObjectMapper().readTree(DeployFiles.read("deploy/grafana/cria-dashboard.json"));
  }
}

package dev.cria.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ratios of {@code bench/run.sh --peer}: each Cria row of the distinct run against the Node
 * peer's row of the same run. Below 1 means Cria needs less (CPU, latency, memory); above 1 means
 * it answers more per second.
 */
final class PeerComparison {

  private PeerComparison() {}

  static String markdown(List<ScenarioResult> results) {
    ScenarioResult peer =
        results.stream()
            .filter(r -> r.scenario().peer() && r.scenario().distinct())
            .findFirst()
            .orElse(null);
    if (peer == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "| Cria on | CPU ms/event (Cria / peer) | throughput | ack p99 | overhead p99 | peak RSS |");
    lines.add("|---|---|---|---|---|---|");
    for (ScenarioResult cria : results) {
      if (cria.scenario().peer() || !cria.scenario().distinct()) {
        continue;
      }
      lines.add(
          "| %s | %s | %s | %s | %s | %s |"
              .formatted(
                  cria.scenario().database(),
                  ratio(cria.cpuMillisPerEvent(), peer.cpuMillisPerEvent()),
                  ratio(cria.throughput(), peer.throughput()),
                  ratio(cria.ackP99(), peer.ackP99()),
                  ratio(cria.overheadP99(), peer.overheadP99()),
                  ratio(cria.peakRssMib(), peer.peakRssMib())));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String ratio(double cria, double peer) {
    return String.format(Locale.ROOT, "%.2f× (%.1f / %.1f)", cria / peer, cria, peer);
  }
}

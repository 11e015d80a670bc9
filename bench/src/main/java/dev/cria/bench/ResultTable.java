package dev.cria.bench;

import java.util.ArrayList;
import java.util.List;

/** Prints results as a Markdown table, the form docs/benchmarks.md keeps them in. */
final class ResultTable {

  private ResultTable() {}

  static String markdown(List<ScenarioResult> results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(ScenarioResult.HEADER);
    results.forEach(result -> rows.add(result.cells()));
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
      if (r == 0) {
        out.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
      }
    }
    return out.toString();
  }
}

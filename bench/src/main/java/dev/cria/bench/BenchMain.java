package dev.cria.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/run.sh}: runs each scenario the options ask for against a fresh Cria, prints each
 * result as it comes and a Markdown table at the end (also written to {@code <out>/results.md},
 * next to each run's Cria log).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (!Files.isRegularFile(options.jar())) {
      System.err.println(options.jar() + " is missing: build it with ./mvnw -B -q package");
      System.exit(2);
    }
    Path out =
        options
            .outputDir()
            .resolve(
                LocalDateTime.now(ZoneId.systemDefault())
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(out);
    System.out.println(Machine.describe());
    System.out.println(
        "Cria JVM options: the image's "
            + String.join(" ", dev.cria.process.CriaProcess.IMAGE_JVM_OPTIONS)
            + ", then JAVA_TOOL_OPTIONS="
            + String.join(" ", options.jvmOptions()));
    System.out.println("Logs and results under " + out);
    List<ScenarioResult> results = new ArrayList<>();
    int index = 0;
    for (Scenario scenario : options.scenarios()) {
      index++;
      System.out.printf("%n[%d] %s on %s ...%n", index, scenario.name(), scenario.database());
      Path runDir = out.resolve("%02d-%s".formatted(index, scenario.database()));
      ScenarioResult result = new ScenarioRunner(options).run(scenario, runDir);
      results.add(result);
      System.out.println(ResultTable.markdown(List.of(result)));
      Files.writeString(out.resolve("results.md"), ResultTable.markdown(results));
    }
    System.out.println();
    System.out.println(Machine.describe());
    System.out.print(ResultTable.markdown(results));
    String comparison = PeerComparison.markdown(results);
    if (!comparison.isEmpty()) {
      System.out.println();
      System.out.print(comparison);
      Files.writeString(
          out.resolve("results.md"), ResultTable.markdown(results) + "\n" + comparison);
    }
  }
}

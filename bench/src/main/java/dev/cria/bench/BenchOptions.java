package dev.cria.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bench/run.sh}, with the defaults the targets were set for.
 *
 * @param databases {@code h2}, {@code postgres} or both
 * @param conversations closed-loop runs: this many conversations, each asking its next question
 *     once the last was answered
 * @param turns questions per conversation in a closed-loop run
 * @param rates open-loop runs: new conversations per second, one run each (0 skips them)
 * @param rateSeconds how long the open-loop run sends
 * @param inFlight the memory run: this many conversations at once (0 skips it)
 * @param inFlightLatencyMs the model's first-token latency in the memory run
 * @param words words in each question; the fake model echoes them, so they set the answer length
 * @param warmupEvents questions answered before measuring (closed loop, three per conversation)
 * @param jvmOptions options for Cria's JVM on top of the image's (the heap bound among them)
 * @param flightRecording whether Cria records a JFR profile ({@code cria.jfr} in each run's
 *     directory)
 * @param distinct the comparison run: this many mentions, each a new thread from its own user (0
 *     skips it)
 * @param concurrency how many of the distinct run's mentions wait for their answer at a time
 * @param peer whether the distinct run is also made against the Node Bolt bot of {@code bench/peer}
 */
public record BenchOptions(
    List<String> databases,
    List<Integer> conversations,
    int turns,
    long modelLatencyMs,
    double tokensPerSecond,
    List<Integer> rates,
    int rateSeconds,
    int inFlight,
    long inFlightLatencyMs,
    int words,
    int warmupEvents,
    Path jar,
    Path outputDir,
    String postgresUrl,
    String postgresUser,
    String postgresPassword,
    List<String> jvmOptions,
    boolean flightRecording,
    int distinct,
    int concurrency,
    boolean peer) {

  static final String DEFAULT_JVM_OPTIONS = "-Xmx256m";

  static final String USAGE =
      """
      bench/run.sh [--db h2,postgres] [--conversations 50,200,500] [--turns 3]
                   [--model-latency-ms 2000] [--tokens-per-second 50] [--words 40]
                   [--rate 300 (or a list: 50,100,300)] [--rate-seconds 30] [--in-flight 2000] [--in-flight-latency-ms 10000]
                   [--warmup-events 600] [--jvm-opts "%s"]
                   [--jar app/target/cria.jar] [--out bench/target/results] [--jfr true]
                   [--postgres-url jdbc:postgresql://127.0.0.1:5432/test] [--postgres-user postgres]
                   [--distinct 0] [--concurrency 20] [--peer]
      A zero (--rate 0, --in-flight 0, --conversations 0, --distinct 0) skips that run.
      --peer runs the comparison with the Node Bolt bot of bench/peer: unless given otherwise,
      600 mentions from distinct users, 20 at once, model 300 ms, 300 warm-up events, no other runs;
      it prints both rows and the ratios.
      """
          .formatted(DEFAULT_JVM_OPTIONS);

  static BenchOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--peer")) {
        given.put("peer", "true");
        continue;
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      given.put(args[i].substring(2), args[++i]);
    }
    if (given.containsKey("peer")) {
      PEER_DEFAULTS.forEach(given::putIfAbsent);
    }
    Map<String, String> env = System.getenv();
    BenchOptions options =
        new BenchOptions(
            list(given.getOrDefault("db", "h2,postgres")),
            list(given.getOrDefault("conversations", "50,200,500")).stream()
                .map(Integer::parseInt)
                .filter(n -> n > 0)
                .toList(),
            Integer.parseInt(given.getOrDefault("turns", "3")),
            Long.parseLong(given.getOrDefault("model-latency-ms", "2000")),
            Double.parseDouble(given.getOrDefault("tokens-per-second", "50")),
            list(given.getOrDefault("rate", "300")).stream()
                .map(Integer::parseInt)
                .filter(n -> n > 0)
                .toList(),
            Integer.parseInt(given.getOrDefault("rate-seconds", "30")),
            Integer.parseInt(given.getOrDefault("in-flight", "2000")),
            Long.parseLong(given.getOrDefault("in-flight-latency-ms", "10000")),
            Integer.parseInt(given.getOrDefault("words", "40")),
            Integer.parseInt(given.getOrDefault("warmup-events", "600")),
            Path.of(given.getOrDefault("jar", "app/target/cria.jar")),
            Path.of(given.getOrDefault("out", "bench/target/results")),
            given.getOrDefault(
                "postgres-url",
                env.getOrDefault(
                    "CRIA_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test")),
            given.getOrDefault(
                "postgres-user", env.getOrDefault("CRIA_TEST_DATABASE_USER", "postgres")),
            env.getOrDefault("CRIA_TEST_DATABASE_PASSWORD", ""),
            Arrays.asList(given.getOrDefault("jvm-opts", DEFAULT_JVM_OPTIONS).trim().split("\\s+")),
            Boolean.parseBoolean(given.getOrDefault("jfr", "false")),
            Integer.parseInt(given.getOrDefault("distinct", "0")),
            Integer.parseInt(given.getOrDefault("concurrency", "20")),
            Boolean.parseBoolean(given.getOrDefault("peer", "false")));
    given.keySet().removeAll(KNOWN);
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + given.keySet());
    }
    return options;
  }

  private static final List<String> KNOWN =
      List.of(
          "db",
          "conversations",
          "turns",
          "model-latency-ms",
          "tokens-per-second",
          "rate",
          "rate-seconds",
          "in-flight",
          "in-flight-latency-ms",
          "words",
          "warmup-events",
          "jar",
          "out",
          "postgres-url",
          "postgres-user",
          "jvm-opts",
          "jfr",
          "distinct",
          "concurrency",
          "peer");

  /** The load of the issue that set the targets, used by {@code --peer} unless given otherwise. */
  private static final Map<String, String> PEER_DEFAULTS =
      Map.of(
          "distinct", "600",
          "model-latency-ms", "300",
          "tokens-per-second", "100000",
          "warmup-events", "300",
          "conversations", "0",
          "rate", "0",
          "in-flight", "0");

  /** The runs these options ask for, database by database. */
  List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    for (String db : databases) {
      for (int n : conversations) {
        scenarios.add(Scenario.conversations(db, n, turns, modelLatencyMs, tokensPerSecond, words));
      }
      for (int rate : rates) {
        scenarios.add(Scenario.rate(db, rate, rateSeconds, modelLatencyMs, tokensPerSecond, words));
      }
      if (inFlight > 0) {
        scenarios.add(Scenario.inFlight(db, inFlight, inFlightLatencyMs, tokensPerSecond, words));
      }
      if (distinct > 0) {
        scenarios.add(distinct("cria", db));
      }
    }
    if (peer && distinct > 0) {
      scenarios.add(distinct("peer", BenchDatabase.NONE));
    }
    return scenarios;
  }

  private Scenario distinct(String bot, String db) {
    return Scenario.distinct(
        bot, db, distinct, concurrency, modelLatencyMs, tokensPerSecond, words);
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}

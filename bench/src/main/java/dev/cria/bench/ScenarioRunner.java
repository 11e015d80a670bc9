package dev.cria.bench;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiClock;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.process.CriaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one {@link Scenario}: a fresh fake Slack, fake Llama API, database and Cria process; a
 * warm-up (new conversations at a modest rate, answered before measuring, so the JIT has compiled
 * the hot paths); then the measured load, and the tally.
 */
final class ScenarioRunner {

  static final String SIGNING_SECRET = "bench-signing-secret";
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final int WARMUP_FIRST_ID = 1;
  private static final int MEASURED_FIRST_ID = 1_000_000;

  private final BenchOptions options;

  ScenarioRunner(BenchOptions options) {
    this.options = options;
  }

  ScenarioResult run(Scenario scenario, Path runDir) throws InterruptedException {
    createDirectories(runDir);
    var clock = new FakeLlamaApiClock(scenario.modelLatencyMs(), scenario.tokensPerSecond());
    try (FakeSlackApi slack = FakeSlackApi.start();
        FakeLlamaApi llama = FakeLlamaApi.start(0, clock.pacing());
        BenchDatabase database = BenchDatabase.create(scenario.database(), options, runDir);
        BotUnderTest cria = start(scenario, slack, llama, database, runDir);
        TimerProbe timer = new TimerProbe()) {
      AnswerWatcher watcher = new AnswerWatcher(slack, clock);
      ProcStats stats = new ProcStats(cria.pid());
      Duration modelTime = Duration.ofMillis(clock.modelMillis(sampleAnswer(scenario)));
      warmUp(cria, watcher, modelTime);

      watcher.recording(true);
      timer.lateMicros.reset();
      EventFactory events = new EventFactory(MEASURED_FIRST_ID, scenario.words());
      SlackEventSender sender = new SlackEventSender(cria.uri("/slack/events"), SIGNING_SECRET);
      InFlight inFlight = new InFlight();
      Asker asker = new Asker(watcher, sender, inFlight);
      Duration timeout = modelTime.multipliedBy(3).plusSeconds(60);
      ProcStats driverStats = new ProcStats(ProcessHandle.current().pid());
      double cpuBefore = stats.cpuSeconds();
      double driverCpuBefore = driverStats.cpuSeconds();
      boolean postgres = scenario.database().equals("postgres");
      double dbCpuBefore = postgres ? ProcStats.cpuSecondsOfCommand("postgres") : 0;
      OpenLoop open = null;
      if (scenario.distinct()) {
        new ClosedLoop(asker, events, timeout)
            .runDistinct(scenario.events(), scenario.conversations(), modelTime);
      } else if (scenario.closedLoop()) {
        new ClosedLoop(asker, events, timeout)
            .run(scenario.conversations(), scenario.turns(), modelTime);
      } else {
        open = new OpenLoop(asker, events);
        open.run(scenario.events(), scenario.rate(), timeout);
      }
      double cpu = stats.cpuSeconds() - cpuBefore;
      double driverCpu = driverStats.cpuSeconds() - driverCpuBefore;
      double dbCpu =
          postgres ? ProcStats.cpuSecondsOfCommand("postgres") - dbCpuBefore : Double.NaN;
      AnswerCount count = AnswerCount.of(slack, EventFactory.channels(), events.ids());
      Instant tally = Instant.now();
      double peakRss = stats.peakRssMib();
      saveMetrics(cria, runDir.resolve("prometheus.txt"));
      cria.terminate(Duration.ofSeconds(60));
      long stillQueued =
          database.lateEvents(
              count.unansweredIds().stream().map(BenchEvent::eventId).toList(), tally);
      watcher.errorTexts.forEach(text -> System.out.println("error reply: " + text));
      int answered = Math.max(1, count.answered());
      return new ScenarioResult(
          scenario,
          count,
          Histograms.millis(sender.ackMicros, 50),
          Histograms.millis(sender.ackMicros, 99),
          sender.ackMicros.getMaxValue() / 1000.0,
          Histograms.millis(watcher.overheadMicros, 50),
          Histograms.millis(watcher.overheadMicros, 99),
          Histograms.millis(watcher.endToEndMicros, 50),
          watcher.answerRate(),
          inFlight.peak(),
          peakRss,
          cpu * 1000 / answered,
          driverCpu * 1000 / answered,
          dbCpu * 1000 / answered,
          stillQueued,
          watcher.errorReplies.get(),
          sender.retries.get(),
          sender.failed.get(),
          open == null ? Double.NaN : Histograms.millis(open.sendLagMicros, 99),
          Histograms.millis(timer.lateMicros, 99));
    }
  }

  private BotUnderTest start(
      Scenario scenario,
      FakeSlackApi slack,
      FakeLlamaApi llama,
      BenchDatabase database,
      Path runDir) {
    Map<String, String> env = environment(slack, llama, database, runDir);
    if (scenario.peer()) {
      return PeerProcess.start(env, runDir.resolve("peer.log"), STARTUP);
    }
    return BotUnderTest.of(
        CriaProcess.start(options.jar(), env, runDir.resolve("cria.log"), STARTUP));
  }

  /**
   * The JVM options on top of the image's ({@link CriaProcess#IMAGE_JVM_OPTIONS}), handed over in
   * {@code JAVA_TOOL_OPTIONS}; an explicit {@code -Xmx} there wins over the image's heap
   * percentage.
   */
  private String jvmOptions(Path runDir) {
    List<String> jvm = new ArrayList<>(options.jvmOptions());
    if (options.flightRecording()) {
      jvm.add(
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
              + runDir.resolve("cria.jfr").toAbsolutePath());
    }
    return String.join(" ", jvm);
  }

  /** Keeps Cria's own metrics ({@code GET /prometheus}) next to its log, for a closer look. */
  private static void saveMetrics(BotUnderTest cria, Path file) {
    try {
      var metrics = cria.metrics();
      if (metrics.isPresent()) {
        Files.writeString(file, metrics.get());
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not read Cria's metrics: " + e);
    }
  }

  /**
   * Closed-loop conversations (three questions each) until {@code warmupEvents} were answered: a
   * cold JVM is several times slower, and a closed loop slows down with it instead of burying it.
   */
  private void warmUp(BotUnderTest cria, AnswerWatcher watcher, Duration modelTime)
      throws InterruptedException {
    if (options.warmupEvents() <= 0) {
      return;
    }
    int turns = 3;
    int conversations = Math.max(1, options.warmupEvents() / turns);
    EventFactory events = new EventFactory(WARMUP_FIRST_ID, options.words());
    SlackEventSender sender = new SlackEventSender(cria.uri("/slack/events"), SIGNING_SECRET);
    long start = System.nanoTime();
    new ClosedLoop(
            new Asker(watcher, sender, new InFlight()),
            events,
            modelTime.multipliedBy(3).plusSeconds(60))
        .run(conversations, turns, modelTime);
    System.out.printf(
        Locale.ROOT,
        "warm-up: %d conversations x %d questions in %.1f s, ack p50 %.1f ms, p99 %.1f ms, %d"
            + " retries%n",
        conversations,
        turns,
        (System.nanoTime() - start) / 1e9,
        Histograms.millis(sender.ackMicros, 50),
        Histograms.millis(sender.ackMicros, 99),
        sender.retries.get());
  }

  private static String sampleAnswer(Scenario scenario) {
    BenchEvent sample = new EventFactory(MEASURED_FIRST_ID, scenario.words()).newConversation();
    return "Echo: User " + sample.user + ": " + sample.text;
  }

  private Map<String, String> environment(
      FakeSlackApi slack, FakeLlamaApi llama, BenchDatabase database, Path runDir) {
    Map<String, String> env = new HashMap<>(database.environment());
    env.put("JAVA_TOOL_OPTIONS", jvmOptions(runDir));
    env.put("LLAMA_API_KEY", "bench-llama-key");
    env.put("LLAMA_BASE_URL", llama.baseUrl());
    // The figures in docs/benchmarks.md were taken against the Llama API's shape: keep it.
    env.put("LLAMA_API_STYLE", "llama");
    env.put("LLAMA_MODERATION", "moderations");
    env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    // One question per user at a time is the default; the benchmark's users ask many at once.
    env.put("CRIA_QUOTA_USER_IN_FLIGHT", "0");
    return env;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

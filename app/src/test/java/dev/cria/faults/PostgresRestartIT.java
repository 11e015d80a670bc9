package dev.cria.faults;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts, four times ({@code fast} and {@code immediate} in turn), then goes away for
 * four seconds, while a steady stream of mentions reaches a Cria process: every accepted mention is
 * answered exactly once and none with an apology. Each restart comes at a fixed point of its batch
 * (after so many acks), so the run does not depend on timing; Slack's redeliveries are included,
 * both of deliveries that failed during the restart and of ones Cria had stored but whose ack Slack
 * never saw.
 *
 * <p>Restarting the server disturbs every other test that uses it, so app/pom.xml runs this class
 * in a failsafe execution of its own, after all other {@code *IT}. It restarts the local cluster
 * {@code CRIA_TEST_POSTGRES_CLUSTER} (default {@code main}) of the newest version under
 * /etc/postgresql, which must be the one {@code CRIA_TEST_DATABASE_URL} points at; it runs only as
 * root where {@code pg_ctlcluster} manages that cluster, and is skipped with the reason elsewhere.
 */
class PostgresRestartIT {

  private static final String CHANNEL = "C0PGRESTART";
  private static final String OUTAGE = "outage";
  private static final Duration OUTAGE_LENGTH = Duration.ofSeconds(4);
  private static final String CLUSTER =
      System.getenv().getOrDefault("CRIA_TEST_POSTGRES_CLUSTER", "main");

  /**
   * Four restarts, then an outage longer than the store's retries in place (stopped, 4 s, started),
   * so that events are handed back to the queue and taken up again.
   */
  private static final List<String> MODES =
      List.of("fast", "immediate", "fast", "immediate", OUTAGE);

  private static final int BATCH = 60;

  /** The restart of a batch comes once this many of its mentions are acked. */
  private static final int RESTART_AFTER_ACKS = 20;

  /** Already acked mentions delivered again after each restart, as if the ack had been lost. */
  private static final int LOST_ACKS = 10;

  @Test
  void restartsUnderASteadyStreamLoseNothingAndAnswerEachOnce() throws Exception {
    String version = clusterVersion();
    try (FaultStack stack =
        new FaultStack()
            .env("CRIA_WORKER_LEASE", "5s")
            .env("LLAMA_MODERATION", "off")
            .env("CRIA_LOG_LEVEL", "warn")) {
      Instant started = Instant.now();
      CriaProcess cria = stack.start("pg-restart");
      log(started, "up");
      // Slack tries a failed delivery again; here sooner and more often than it does.
      SlackLoad load =
          new SlackLoad(List.of(cria)).retrying(60, Duration.ofMillis(500)).pacing(100);
      AnswerLedger ledger = new AnswerLedger(stack.slack);
      List<SlackLoad.Mention> mentions =
          SlackLoad.threads(
              CHANNEL, 6000, BATCH * (MODES.size() + 1), 1, i -> i % 3 == 0 ? " [[slow:150]]" : "");

      List<String> restarts = new ArrayList<>();
      for (int batch = 0; batch <= MODES.size(); batch++) {
        List<SlackLoad.Mention> these = mentions.subList(batch * BATCH, (batch + 1) * BATCH);
        int ackedBefore = load.acked();
        CompletableFuture<Void> delivering =
            CompletableFuture.runAsync(() -> load.deliver(these, 3));
        if (batch < MODES.size()) {
          Await.until(
              Duration.ofSeconds(60),
              RESTART_AFTER_ACKS + " more mentions acked before restarting",
              () -> load.acked() - ackedBefore >= RESTART_AFTER_ACKS,
              () -> (load.acked() - ackedBefore) + " acked");
          String mode = MODES.get(batch);
          Instant restarting = Instant.now();
          restart(version, mode);
          long millis = Duration.between(restarting, Instant.now()).toMillis();
          restarts.add(mode + " " + millis + " ms");
          log(started, "restarted PostgreSQL (" + mode + ", " + millis + " ms)");
        }
        delivering.get(3, TimeUnit.MINUTES);
        load.redeliver(these.subList(0, LOST_ACKS));
        log(started, "batch " + batch + " delivered");
      }
      Await.until(
          Duration.ofMinutes(2),
          "all " + mentions.size() + " mentions answered, no open events",
          () -> openEvents(stack) == 0 && ledger.answered(mentions) == mentions.size(),
          () -> ledger.answered(mentions) + " answered, " + openEvents(stack) + " open");
      log(started, "all answered");
      // Not a wait for a condition: anything posted twice would come within the lease of a doubly
      // claimed event.
      SlackLoad.pause(Duration.ofSeconds(1));

      Map<String, List<String>> replies = ledger.repliesByThread(mentions);
      List<String> problems = new ArrayList<>();
      int answered = 0;
      for (SlackLoad.Mention mention : mentions) {
        List<String> thread = replies.get(mention.thread());
        boolean once = thread.size() == 1 && thread.getFirst().contains(mention.token());
        if (once) {
          answered++;
        } else {
          problems.add(mention.token() + ": " + thread);
        }
      }
      List<String> fragments = ledger.unfinished(CHANNEL);
      long handedBack =
          cria.log().lines().filter(l -> l.contains("will be taken up again")).count();
      System.out.printf(
          "PostgresRestartIT: %d mentions, %d acked (%d redelivered, %d acks lost on purpose),"
              + " restarts %s, %d attempts handed back, %d answered exactly once, %d otherwise,"
              + " %d fragments%n",
          mentions.size(),
          load.acked(),
          load.redelivered(),
          LOST_ACKS * (MODES.size() + 1),
          restarts,
          handedBack,
          answered,
          problems.size(),
          fragments.size());
      assertEquals(List.of(), load.lost(), "deliveries Cria never acked");
      assertEquals(List.of(), problems, "threads without exactly one answer and nothing else");
      assertEquals(List.of(), fragments, "placeholders or streams left unfinished");
      assertEquals(0, openEvents(stack), "events still open");
      assertTrue(
          stack.count("SELECT COUNT(*) FROM inbound_event WHERE status = 'FAILED'") == 0,
          "events finished as failed");
    }
  }

  private static void log(Instant started, String what) {
    System.out.printf(
        "PostgresRestartIT +%d ms: %s%n",
        Duration.between(started, Instant.now()).toMillis(), what);
  }

  private static long openEvents(FaultStack stack) {
    try {
      return stack.openEvents();
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  /** The newest local cluster's version, or a skipped test saying why it cannot be restarted. */
  private static String clusterVersion() throws IOException {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "restarting PostgreSQL needs root; running as " + System.getProperty("user.name"));
    Path pgCtlCluster = Path.of("/usr/bin/pg_ctlcluster");
    Assumptions.assumeTrue(
        Files.isExecutable(pgCtlCluster), "no pg_ctlcluster here to restart PostgreSQL with");
    Path clusters = Path.of("/etc/postgresql");
    Assumptions.assumeTrue(Files.isDirectory(clusters), "no /etc/postgresql clusters");
    try (Stream<Path> versions = Files.list(clusters)) {
      String version =
          versions
              .map(path -> path.getFileName().toString())
              .filter(name -> name.matches("\\d+(\\.\\d+)?"))
              .max(Comparator.comparingDouble(Double::parseDouble))
              .orElse(null);
      Assumptions.assumeTrue(version != null, "no PostgreSQL version under /etc/postgresql");
      Assumptions.assumeTrue(
          Files.isDirectory(clusters.resolve(version).resolve(CLUSTER)),
          "no cluster " + version + "/" + CLUSTER + " (CRIA_TEST_POSTGRES_CLUSTER) to restart");
      return version;
    }
  }

  private static void restart(String version, String mode)
      throws IOException, InterruptedException {
    if (OUTAGE.equals(mode)) {
      pgCtlCluster(version, "immediate", "stop");
      // The outage itself: nothing to await, the database is meant to stay away this long.
      SlackLoad.pause(OUTAGE_LENGTH);
      pgCtlCluster(version, "fast", "start");
    } else {
      pgCtlCluster(version, mode, "restart");
    }
  }

  private static void pgCtlCluster(String version, String mode, String action)
      throws IOException, InterruptedException {
    Process restart =
        new ProcessBuilder(
                "pg_ctlcluster", "--skip-systemctl-redirect", "-m", mode, version, CLUSTER, action)
            .redirectErrorStream(true)
            .start();
    boolean done = restart.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      restart.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = new String(restart.getInputStream().readAllBytes(), UTF_8);
    assertTrue(done && restart.exitValue() == 0, "pg_ctlcluster " + action + " failed: " + output);
  }
}

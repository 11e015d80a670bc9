package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.process.CriaProcess;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts while a Cria process answers: no accepted mention is lost, and each thread
 * ends with one reply, the answer or a clear error. Restarting the server disturbs every other test
 * that uses it, so app/pom.xml runs this class in a failsafe execution of its own, after all other
 * {@code *IT}; it runs only as root where {@code pg_ctlcluster} manages the local cluster, and is
 * skipped with the reason elsewhere.
 */
class PostgresRestartIT {

  private static final String CHANNEL = "C0PGRESTART";
  private static final Pattern CLEAR_ERROR =
      Pattern.compile(
          "Sorry, something went wrong on my side \\(error id [0-9a-f]{8}\\)\\."
              + "|I couldn't reach the model just now\\. .*");

  @Test
  void aDatabaseRestartUnderLoadLosesNothing() throws Exception {
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
      SlackLoad load = new SlackLoad(List.of(cria)).retrying(40, Duration.ofMillis(500));
      AnswerLedger ledger = new AnswerLedger(stack.slack);
      List<SlackLoad.Mention> mentions =
          SlackLoad.threads(CHANNEL, 6000, 120, 1, i -> i % 3 == 0 ? " [[slow:150]]" : "");

      CompletableFuture<Void> delivering =
          CompletableFuture.runAsync(() -> load.deliver(mentions, 12));
      ReplicaCrashIT.awaitTrue(() -> ledger.answered(mentions) >= 30, Duration.ofSeconds(60));
      Instant restarted = Instant.now();
      log(started, "restarting PostgreSQL");
      restart(version);
      long restartMillis = Duration.between(restarted, Instant.now()).toMillis();
      delivering.get(3, TimeUnit.MINUTES);
      log(started, "all delivered");
      ReplicaCrashIT.awaitTrue(
          () ->
              openEvents(stack) == 0
                  && ledger.repliesByThread(mentions).values().stream().noneMatch(List::isEmpty),
          Duration.ofSeconds(90));
      log(started, "all answered");
      SlackLoad.pause(Duration.ofSeconds(1));

      Map<String, List<String>> replies = ledger.repliesByThread(mentions);
      List<String> problems = new ArrayList<>();
      int answers = 0;
      int errors = 0;
      for (SlackLoad.Mention mention : mentions) {
        List<String> thread = replies.get(mention.thread());
        boolean answered = thread.stream().anyMatch(text -> text.contains(mention.token()));
        long answerCount = thread.stream().filter(text -> text.contains(mention.token())).count();
        boolean otherwiseClear =
            thread.stream()
                .filter(text -> !text.contains(mention.token()))
                .allMatch(text -> CLEAR_ERROR.matcher(text).matches());
        if (answerCount > 1 || thread.isEmpty() || !otherwiseClear) {
          problems.add(mention.token() + ": " + thread);
        }
        if (answered) {
          answers++;
        } else {
          errors++;
        }
      }
      System.out.printf(
          "PostgresRestartIT: %d mentions, %d acked (%d redelivered), restart took %d ms,"
              + " %d answered, %d with only an error, %d fragments%n",
          mentions.size(),
          load.acked(),
          load.redelivered(),
          restartMillis,
          answers,
          errors,
          ledger.unfinished(CHANNEL).size());
      assertEquals(List.of(), load.lost(), "deliveries no replica acked");
      assertEquals(List.of(), problems, "threads without one answer or a clear error");
      assertEquals(0, openEvents(stack), "events still open");
      assertTrue(answers > 0, "answers after the restart");
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
  private static String clusterVersion() throws IOException, InterruptedException {
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
      return version;
    }
  }

  private static void restart(String version) throws IOException, InterruptedException {
    Process restart =
        new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
            .redirectErrorStream(true)
            .start();
    boolean done = restart.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      restart.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = new String(restart.getInputStream().readAllBytes());
    assertTrue(done && restart.exitValue() == 0, "pg_ctlcluster restart failed: " + output);
  }
}

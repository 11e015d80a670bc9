package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two Cria processes share one PostgreSQL schema, the fake Slack and the fake model; 1,000 signed
 * mentions in 200 threads are spread over both; one process is killed with SIGKILL while it is
 * answering and started again. Every mention must be answered exactly once, and the channel, as a
 * person sees it, holds no message left unfinished. {@link SlackKillPointsIT} kills at exact points
 * of one answer.
 */
class ReplicaCrashIT {

  private static final String CHANNEL = "C0CRASH";
  private static final int THREADS = 200;
  private static final int PER_THREAD = 5;
  private static final Duration DRAIN = Duration.ofMinutes(2);

  @Test
  void everyMentionIsAnsweredExactlyOnceAcrossAKilledReplica() {
    Instant started = Instant.now();
    try (FaultStack stack =
        new FaultStack()
            .env("CRIA_WORKER_LEASE", "4s")
            .env("LLAMA_MODERATION", "off")
            .env("CRIA_LOG_LEVEL", "warn")) {
      // One question in four takes a while, so that the kill finds answers half-written.
      List<SlackLoad.Mention> mentions =
          SlackLoad.threads(
              CHANNEL, 0, THREADS, PER_THREAD, i -> i % 4 == 0 ? " [[slow:120]]" : "");
      CompletableFuture<CriaProcess> startB =
          CompletableFuture.supplyAsync(() -> stack.start("crash-replica-b"));
      CriaProcess a = stack.start("crash-replica-a");
      CriaProcess b = startB.join();
      log(started, "both replicas up");
      SlackLoad load = new SlackLoad(List.of(a, b));
      AnswerLedger ledger = new AnswerLedger(stack.slack);

      load.deliver(mentions.subList(0, 300), 32);
      log(started, "300 delivered");
      // The kill lands while deliveries go on and replica a is answering: Slack's deliveries to
      // it fail and are sent again, to b.
      CompletableFuture<Void> more =
          CompletableFuture.runAsync(() -> load.deliver(mentions.subList(300, 700), 32));
      Await.until(
          Duration.ofSeconds(60),
          "400 mentions acked",
          () -> load.acked() >= 400,
          () -> load.acked() + " acked");
      long heldByA =
          Await.value(
              Duration.ofSeconds(30),
              "replica a holding events",
              () -> Optional.of(claimedBy(stack, a)).filter(held -> held > 0),
              () -> "none claimed by a");
      log(started, load.acked() + " acked, killing a while it holds " + heldByA);
      a.kill();
      load.remove(a);
      more.join();
      log(started, "700 delivered, restarting a");
      CriaProcess restarted = stack.start("crash-replica-a-again");
      log(started, "a is back");
      load.add(restarted);
      load.deliver(mentions.subList(700, mentions.size()), 32);

      log(started, "1000 delivered");
      Await.until(
          DRAIN,
          "all " + mentions.size() + " mentions answered, no open events",
          () -> stack.openEvents() == 0 && ledger.answered(mentions) == mentions.size(),
          () -> ledger.answered(mentions) + " answered, " + stack.openEvents() + " open");
      log(started, "all answered");
      SlackLoad.pause(Duration.ofSeconds(2));
      AnswerLedger.Tally tally = ledger.tally(CHANNEL);
      long took = Duration.between(started, Instant.now()).toSeconds();
      System.out.printf(
          "ReplicaCrashIT: %d mentions, %d acked (%d redelivered), %d held by the killed replica,"
              + " %d missing, %d duplicated, %d unfinished messages, %d other replies, %d s%n",
          mentions.size(),
          load.acked(),
          load.redelivered(),
          heldByA,
          tally.missing(mentions).size(),
          tally.duplicated().size(),
          tally.unfinished().size(),
          tally.others().size(),
          took);

      assertEquals(List.of(), load.lost(), "deliveries no replica acked");
      assertEquals(List.of(), tally.missing(mentions), "mentions without an answer");
      assertEquals(Map.of(), tally.duplicated(), "mentions answered more than once");
      // What a person sees: no stream left open, no placeholder left, by the killed replica.
      assertEquals(List.of(), tally.unfinished(), "messages left unfinished");
      assertEquals(List.of(), tally.others(), "replies that are not answers");
      assertEquals(0, stack.count("SELECT COUNT(*) FROM inbound_event WHERE status <> 'DONE'"));
      assertTrue(heldByA > 0, "the killed replica was answering");
    }
  }

  private static void log(Instant started, String what) {
    System.out.printf(
        "ReplicaCrashIT +%d ms: %s%n", Duration.between(started, Instant.now()).toMillis(), what);
  }

  private static long claimedBy(FaultStack stack, CriaProcess replica) {
    return stack.count(
        "SELECT COUNT(*) FROM inbound_event WHERE status = 'CLAIMED' AND lease_owner LIKE '"
            + replica.pid()
            + "@%'");
  }
}

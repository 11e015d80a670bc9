package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A flood of mentions, far more than the connection pool and the model can take at once, reaches
 * one Cria process over loopback: every mention Cria acked is answered exactly once, the acks stay
 * inside Slack's three seconds (the answers wait instead), {@code /health} stays UP throughout, and
 * a delivery Cria could not take gets a 503 that Slack's redelivery turns into an ack. Bounded:
 * 1,000 mentions, 64 at a time, each answer taking the fake model 300 ms.
 */
class SlackFloodIT {

  private static final String CHANNEL = "C0FLOOD";
  private static final int MENTIONS = 600;
  private static final int SENDERS = 32;
  private static final Duration DRAIN = Duration.ofMinutes(3);

  @Test
  void aFloodIsAckedQuicklyAndAnsweredOnceWhileHealthStaysUp() throws Exception {
    try (FaultStack stack =
        new FaultStack().env("LLAMA_MODERATION", "off").env("CRIA_LOG_LEVEL", "warn")) {
      Instant started = Instant.now();
      CriaProcess cria = stack.start("flood");
      SlackLoad load = new SlackLoad(List.of(cria)).retrying(20, Duration.ofMillis(500));
      AnswerLedger ledger = new AnswerLedger(stack.slack);
      List<SlackLoad.Mention> mentions =
          SlackLoad.threads(CHANNEL, 3000, MENTIONS, 1, i -> " [[slow:300]]");

      AtomicBoolean flooding = new AtomicBoolean(true);
      List<String> unhealthy = new CopyOnWriteArrayList<>();
      AtomicInteger healthChecks = new AtomicInteger();
      Thread health =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (flooding.get()) {
                      healthChecks.incrementAndGet();
                      String problem = healthProblem(cria);
                      if (problem != null) {
                        unhealthy.add(problem);
                      }
                      SlackLoad.pause(Duration.ofMillis(250));
                    }
                  });
      try {
        load.deliver(mentions, SENDERS);
        long delivered = Duration.between(started, Instant.now()).toMillis();
        Await.until(
            DRAIN,
            "all " + mentions.size() + " mentions answered, no open events",
            () -> ledger.answered(mentions) == mentions.size() && stack.openEvents() == 0,
            () -> ledger.answered(mentions) + " answered, " + stack.openEvents() + " open");
        flooding.set(false);
        health.join();
        // Not a wait for a condition: anything answered twice would show within the worker's next
        // poll.
        SlackLoad.pause(Duration.ofSeconds(1));
        AnswerLedger.Tally tally = ledger.tally(CHANNEL);
        System.out.printf(
            "SlackFloodIT: %d mentions, %d senders, %d acked (%d refused with 503 and delivered"
                + " again), ack p50 %d ms p95 %d ms p99 %d ms max %d ms, delivered in %d ms, all"
                + " answered after %d ms, %d health checks, %d not UP%n",
            mentions.size(),
            SENDERS,
            load.acked(),
            load.refused(),
            load.ackMillis(50),
            load.ackMillis(95),
            load.ackMillis(99),
            load.ackMillis(100),
            delivered,
            Duration.between(started, Instant.now()).toMillis(),
            healthChecks.get(),
            unhealthy.size());
        assertEquals(List.of(), load.lost(), "deliveries never acked");
        assertEquals(List.of(), tally.missing(mentions), "acked mentions never answered");
        assertEquals(Map.of(), tally.duplicated(), "mentions answered more than once");
        assertEquals(List.of(), tally.unfinished(), "placeholders or streams left unfinished");
        assertEquals(List.of(), unhealthy, "/health not UP during the flood");
        assertTrue(load.ackMillis(50) < 3000, "median ack inside 3 s: " + load.ackMillis(50));
      } finally {
        flooding.set(false);
        health.join();
      }
    }
  }

  private static String healthProblem(CriaProcess cria) {
    try {
      var response = cria.get("/health");
      return response.statusCode() == 200 && response.body().contains("UP")
          ? null
          : response.statusCode() + " " + response.body();
    } catch (UncheckedIOException e) {
      return e.toString();
    }
  }
}

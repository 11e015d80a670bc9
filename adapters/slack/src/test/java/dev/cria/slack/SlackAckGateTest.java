package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlackAckGateTest {

  @Test
  void beyondTheRunningAndWaitingRequestsTheAnswerIsBusyAtOnce() throws Exception {
    // A wait far longer than the test: the fourth request can only come back while the others are
    // held if the gate turned it away instead of queueing it.
    SlackAckGate gate = new SlackAckGate(2, 1, Duration.ofMinutes(10));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    List<CompletableFuture<String>> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(
          CompletableFuture.supplyAsync(
              () ->
                  gate.handle(
                      () -> {
                        started.incrementAndGet();
                        await(release);
                        return "stored";
                      },
                      () -> "busy"),
              task -> Thread.ofVirtual().start(task)));
    }
    Await.until(
        Duration.ofSeconds(5),
        "two running and one waiting",
        () -> started.get() >= 2 && gate.admitted() >= 3,
        () -> started.get() + " started, " + gate.admitted() + " admitted");
    assertEquals(2, started.get(), "two run");
    assertEquals(3, gate.admitted(), "two run and one waits");
    // Two running and one waiting: the fourth is turned away without waiting.
    assertEquals("busy", gate.handle(() -> "stored", () -> "busy"));
    release.countDown();
    for (CompletableFuture<String> request : held) {
      assertEquals("stored", request.get(5, TimeUnit.SECONDS));
    }
    assertEquals("stored", gate.handle(() -> "stored", () -> "busy"), "room again");
  }

  @Test
  void aRequestThatWaitsTooLongIsBusy() throws Exception {
    SlackAckGate gate = new SlackAckGate(1, 5, Duration.ofMillis(50));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    var first =
        CompletableFuture.supplyAsync(
            () ->
                gate.handle(
                    () -> {
                      running.countDown();
                      await(release);
                      return "stored";
                    },
                    () -> "busy"),
            task -> Thread.ofVirtual().start(task));
    assertTrue(running.await(5, TimeUnit.SECONDS));
    assertEquals("busy", gate.handle(() -> "stored", () -> "busy"));
    release.countDown();
    assertEquals("stored", first.get(5, TimeUnit.SECONDS));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

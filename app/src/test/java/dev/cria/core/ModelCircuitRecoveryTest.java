package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The breaker recovers by itself (issue 10, item 3): the model server and Llama Guard both go down
 * long enough to open it, a question during the outage meets the half-open breaker while the guard
 * is still down, and once both are back the next question is answered within the open window.
 * Before the fix, that question's trial permit was never given back and every later one was told
 * "the model is unavailable" until a restart.
 */
class ModelCircuitRecoveryTest {

  private static final Duration OPEN = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void answersResumeWithinTheOpenWindowAfterAnOutageOfModelAndGuard() {
    try (PipelineHarness harness =
        PipelineHarness.start(
            Map.of(
                "cria.model-breaker.failures", 2,
                "cria.model-breaker.open", OPEN.toMillis() + "ms",
                "cria.llama.max-retries", 0))) {
      harness.llama.failNext(503, 1_000);
      assertTrue(ask(harness, "first").text().contains("couldn't reach the model"));
      assertTrue(ask(harness, "second").text().contains("couldn't reach the model"));
      assertTrue(ask(harness, "third").text().contains("failed several times in a row"));

      harness.llama.setModerationUnavailable(true);
      Delivery duringGuardOutage = awaitReplyContaining(harness, "safety service");
      assertTrue(duringGuardOutage.failed());

      harness.llama.reset();
      Instant back = Instant.now();
      Delivery answer = ask(harness, "back again?");

      assertFalse(answer.failed(), answer.text());
      assertTrue(answer.text().startsWith("Echo:"), answer.text());
      Duration took = Duration.between(back, Instant.now());
      assertTrue(took.compareTo(OPEN) < 0, "answered only after " + took);
    }
  }

  /**
   * Asks until the open window is over and the half-open breaker lets the question reach the guard.
   */
  private static Delivery awaitReplyContaining(PipelineHarness harness, String words) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Delivery reply = ask(harness, "is the guard there?");
      if (reply.text().contains(words)) {
        return reply;
      }
      assertTrue(reply.text().contains("failed several times in a row"), reply.text());
    }
    throw new AssertionError("no reply with '" + words + "' within " + WAIT);
  }

  private static Delivery ask(PipelineHarness harness, String text) {
    ConversationKey thread =
        ConversationKey.parse("slack:T1:C1:" + UUID.randomUUID().toString().substring(0, 8));
    harness.service.accept(message(thread, thread.thread() + "-q", text));
    return harness.replies.next(WAIT);
  }
}

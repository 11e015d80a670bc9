package dev.cria.faults;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.testing.Await;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event claimed more often than {@code cria.worker.max-attempts} (its replicas kept dying on it)
 * is given up: the person who asked is told so, as every failure is, rather than left waiting.
 */
class GiveUpTest {

  private static final ConversationKey THREAD = ConversationKey.parse("slack:T1:C9:1700000000.9");

  @Test
  void anEventGivenUpAfterTooManyAttemptsStillGetsAReply() {
    try (PipelineHarness harness = PipelineHarness.start(Map.of("cria.worker.max-attempts", 0))) {
      harness.service.accept(message(THREAD, "e-given-up", "Will this ever be answered?"));

      Delivery reply = harness.replies.next(Duration.ofSeconds(20));

      assertTrue(reply.failed(), reply.toString());
      assertTrue(reply.text().contains("error id"), reply.text());
      assertEquals(0, harness.llama.count(FakeLlamaApi.CHAT), "the model was not asked again");
      // The reply goes out just before the event is marked finished.
      InboundEventRepository events = harness.context.getBean(InboundEventRepository.class);
      Await.until(
          Duration.ofSeconds(20),
          "the given-up event finished",
          () -> events.countOpen() == 0,
          () -> events.countOpen() + " open");
    }
  }
}

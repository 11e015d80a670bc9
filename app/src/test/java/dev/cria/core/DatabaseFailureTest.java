package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.testing.Await;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A database step that fails (as during a PostgreSQL restart) never ends in an error reply and
 * never posts an answer twice: the event is handed back and answered on a later attempt. Only a
 * failure that is not transient ends, after the last attempt, in the give-up reply.
 */
class DatabaseFailureTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ConversationKey THREAD = ConversationKey.parse("slack:T1:C7:1700000000.1");

  @Test
  void aFailedHistoryReadIsAnsweredOnALaterAttemptWithoutAnError() {
    try (PipelineHarness cria = start("newestTurns:1")) {
      cria.service.accept(message(THREAD, "e1", "What is a llama?"));

      Delivery reply = cria.replies.next(WAIT);
      assertFalse(reply.failed(), reply.text());
      assertTrue(reply.text().contains("What is a llama?"), reply.text());
      assertEquals("DONE", awaitFinished(cria, "e1"));
      assertEquals(1, cria.replies.all().size(), "one reply: " + cria.replies.all());
      assertEquals(1, attempts(cria, "e1"), "the transient failure gave its attempt back");
    }
  }

  @Test
  void anAnswerDeliveredBeforeTheDatabaseFailedIsDeliveredAgainIntoTheSameMessage() {
    try (PipelineHarness cria = start("recordAnswerMessage:1")) {
      cria.service.accept(message(THREAD, "e1", "Name a camelid"));

      Delivery first = cria.replies.next(WAIT);
      Delivery second = cria.replies.next(WAIT);
      assertEquals("DONE", awaitFinished(cria, "e1"));
      assertEquals(first.text(), second.text());
      assertFalse(second.failed());
      assertTrue(
          second.resumedFrom() != null && second.resumedFrom().startsWith("placeholder-"),
          "the retry edits the placeholder the first attempt posted: " + second);
      assertEquals(1, cria.llama.count(FakeLlamaApi.CHAT), "the stored answer is not asked again");
    }
  }

  @Test
  void aFailedFinishIsTriedAgainAndAnswersOnce() {
    try (PipelineHarness cria = start("finish:2")) {
      cria.service.accept(message(THREAD, "e1", "Are alpacas llamas?"));

      Delivery reply = cria.replies.next(WAIT);
      assertEquals("DONE", awaitFinished(cria, "e1"));
      assertFalse(reply.failed());
      assertEquals(List.of(reply), cria.replies.all());
    }
  }

  @Test
  void aFailureThatIsNotTransientEndsInTheGiveUpReplyOnly() {
    try (PipelineHarness cria = start("saveAnswer:always", "cria.worker.max-attempts", 1)) {
      cria.service.accept(message(THREAD, "e1", "Does this get stored?"));

      Delivery reply = cria.replies.next(WAIT);
      assertTrue(reply.failed());
      assertTrue(reply.text().contains("error id"), reply.text());
      assertEquals("FAILED", awaitFinished(cria, "e1"));
      assertEquals(List.of(reply), cria.replies.all(), "no apology before the give-up");
    }
  }

  private static PipelineHarness start(String flaky, Object... more) {
    var overrides = new HashMap<String, Object>(Map.of("cria.test.flaky-store", flaky));
    for (int i = 0; i < more.length; i += 2) {
      overrides.put((String) more[i], more[i + 1]);
    }
    return PipelineHarness.start(overrides);
  }

  private static String awaitFinished(PipelineHarness cria, String eventId) {
    InboundEventRepository events = cria.context.getBean(InboundEventRepository.class);
    return Await.value(
        WAIT,
        "event " + eventId + " finished",
        () ->
            StreamSupport.stream(events.findAll().spliterator(), false)
                .filter(event -> event.eventId().equals(eventId) && event.finishedAt() != null)
                .findFirst()
                .map(event -> event.status()),
        () -> "still open");
  }

  private static int attempts(PipelineHarness cria, String eventId) {
    InboundEventRepository events = cria.context.getBean(InboundEventRepository.class);
    for (var event : events.findAll()) {
      if (event.eventId().equals(eventId)) {
        return event.attempts();
      }
    }
    return -1;
  }
}

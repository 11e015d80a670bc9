package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quotas, message length and the circuit breaker: each refusal is immediate and says why. */
class LimitsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ConversationKey ONE = ConversationKey.parse("slack:T1:C1:1.1");
  private static final ConversationKey TWO = ConversationKey.parse("slack:T1:C1:2.2");

  @Test
  void aMessageOverTheInputLimitIsRefusedWithTheLimit() {
    try (PipelineHarness harness =
        PipelineHarness.start(Map.of("cria.quota.max-input-chars", 100))) {
      harness.service.accept(message(ONE, "e1", "y".repeat(150)));
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("150 characters"), reply.text());
      assertTrue(reply.text().contains("at most 100"), reply.text());
      assertEquals(0, harness.llama.count(FakeLlamaApi.CHAT));
    }
  }

  @Test
  void theDailyLimitPerUserSaysWhenItResets() {
    try (PipelineHarness harness =
        PipelineHarness.start(Map.of("cria.quota.user-requests-per-day", 1))) {
      harness.service.accept(message(ONE, "e1", "first question"));
      assertFalse(harness.replies.next(WAIT).failed());
      assertEquals(1, harness.llama.count(FakeLlamaApi.CHAT));
      harness.service.accept(message(TWO, "e2", "second question"));
      Delivery refused = harness.replies.next(WAIT);

      assertTrue(refused.failed());
      assertTrue(refused.text().contains("daily limit"), refused.text());
      assertTrue(
          refused.text().matches("(?s).*resets at 00:00 UTC, in \\d+ h \\d+ min.*"),
          refused.text());
      assertEquals(1, harness.llama.count(FakeLlamaApi.CHAT));
    }
  }

  @Test
  void aUsersSecondQuestionWaitsForTheFirstToBeAnswered() {
    try (PipelineHarness harness = PipelineHarness.start(Map.of("cria.quota.user-in-flight", 1))) {
      harness.service.accept(message(ONE, "e1", "take your time [[slow:300]]"));
      harness.llama.await(request -> request.endpoint().equals(FakeLlamaApi.CHAT), WAIT);
      harness.service.accept(message(TWO, "e2", "and meanwhile this?"));

      Delivery first = harness.replies.next(WAIT);
      Delivery second = harness.replies.next(WAIT);

      assertEquals("e1", first.address());
      assertEquals("e2", second.address());
      assertFalse(second.failed(), second.text());
      assertEquals(2, harness.llama.count(FakeLlamaApi.CHAT));
    }
  }

  @Test
  void oneUserAskingInTwentyThreadsAtOnceIsAnsweredInEachThreeAtATime() {
    try (PipelineHarness harness = PipelineHarness.start(Map.of())) {
      for (int i = 0; i < 20; i++) {
        var thread = ConversationKey.parse("slack:T1:C1:" + (100 + i) + ".1");
        harness.service.accept(message(thread, "e" + i, "question " + i + " [[slow:40]]"));
      }
      Set<String> answered = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        Delivery reply = harness.replies.next(WAIT);
        assertFalse(reply.failed(), reply.text());
        answered.add(reply.address());
      }

      assertEquals(20, answered.size(), "every thread answered once");
      int most = harness.llama.mostChatsAtOnce();
      assertTrue(most <= 3, "at most CRIA_QUOTA_USER_IN_FLIGHT=3 at once, saw " + most);
      assertTrue(most >= 2, "threads answered side by side, saw " + most);
    }
  }

  @Test
  void aModelThatKeepsFailingIsReportedAtOnceUntilTheBreakerCloses() {
    try (PipelineHarness harness =
        PipelineHarness.start(
            Map.of(
                "cria.model-breaker.failures", 2,
                "cria.model-breaker.open", "1h",
                "cria.llama.max-retries", 0))) {
      harness.service.accept(message(ONE, "e1", "one [[status:503]]"));
      harness.replies.next(WAIT);
      harness.service.accept(message(ONE, "e2", "two [[status:503]]"));
      harness.replies.next(WAIT);
      int chats = harness.llama.count(FakeLlamaApi.CHAT);

      harness.service.accept(message(ONE, "e3", "three, and the model is fine now"));
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("unavailable right now"), reply.text());
      assertEquals(
          chats, harness.llama.count(FakeLlamaApi.CHAT), "no call while the breaker is open");
    }
  }
}

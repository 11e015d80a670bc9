package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import dev.cria.testing.TestTools;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The loop's time bound ({@code CRIA_TOOL_TOTAL_TIMEOUT}), the built-in tool switched off ({@code
 * CRIA_TOOLS_BUILTIN=off}), and output moderation of an answer made from a tool's result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolBoundsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private PipelineHarness harness;

  @BeforeAll
  void start() {
    harness =
        PipelineHarness.start(
            Map.of(
                "cria.test.tools",
                true,
                "cria.tools.builtin",
                false,
                "cria.tools.max-steps",
                10,
                "cria.tools.call-timeout",
                "300ms",
                "cria.tools.total-timeout",
                "500ms"));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  void slowToolsStopWhenTheAnswersTimeForToolsIsSpent() {
    long started = System.nanoTime();
    ask("Keep trying [[tool-always:" + TestTools.SLOW + "]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(
        reply.text().contains("_Stopped using tools: they took longer than 500 ms._"),
        reply.text());
    assertTrue(reply.text().contains(FakeLlamaApi.NO_MORE_TOOLS), reply.text());
    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0,
        "the tools' time was bounded");
  }

  @Test
  void theBuiltInToolIsNotOfferedWhenSwitchedOff() {
    ask("What time is it? [[tool:current_time]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.text().startsWith("Echo: "), reply.text());
    JsonNode tools = harness.llama.requests(FakeLlamaApi.CHAT).getLast().body().path("tools");
    assertFalse(tools.toString().contains("current_time"), tools.toString());
    assertTrue(tools.toString().contains(TestTools.ECHO), tools.toString());
  }

  @Test
  void aFlaggedAnswerMadeFromAToolsResultIsStillReplaced() {
    ask("Repeat it [[tool:" + TestTools.ECHO + "]] [[flag-output]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed(), reply.text());
    assertTrue(reply.text().contains("violent crimes"), reply.text());
    assertFalse(reply.text().contains("[[flagged-answer]]"), reply.text());
  }

  private void ask(String text) {
    ConversationKey thread =
        ConversationKey.parse("slack:T1:C1:" + UUID.randomUUID().toString().substring(0, 8));
    harness.service.accept(message(thread, thread.thread() + "-q", text));
  }
}

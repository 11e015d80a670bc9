package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import dev.cria.testing.TestTools;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tool-call loop end to end over the OpenAI-compatible dialect (an Ollama-shaped fake): the
 * built-in tool in {@code CRIA_TIME_ZONE}, its result back to the model, the step shown, calls
 * printed as text, failures and timeouts told to both, the step bound, a side-effecting call held
 * for the asker's confirmation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private PipelineHarness harness;
  private ConversationKey thread;

  @BeforeAll
  void start() {
    harness =
        PipelineHarness.start(
            Map.of(
                "cria.test.tools",
                true,
                "cria.tools.time-zone",
                "Asia/Kathmandu",
                "cria.tools.max-steps",
                2,
                "cria.tools.call-timeout",
                "300ms"));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void newThread() {
    thread = ConversationKey.parse("slack:T1:C1:" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void aQuestionThatNeedsTheTimeGetsTheToolsAnswerWithTheStepShown() {
    Instant before = Instant.now();
    ask("What time is it in Kathmandu? [[tool:current_time]]");

    Delivery reply = harness.replies.next(WAIT);

    assertFalse(reply.failed(), reply.text());
    assertTrue(reply.text().startsWith("_Using `current_time`…_\n\n"), reply.text());
    assertTrue(
        reply.updates().stream().anyMatch(update -> update.contains("Using `current_time`")),
        "the step was shown while it ran: " + reply.updates());
    String answer = reply.text().substring(reply.text().indexOf("Tool said: "));
    assertTrue(answer.contains("+05:45"), "the zone's offset: " + answer);
    assertTrue(answer.contains("Asia/Kathmandu"), answer);
    int year = ZonedDateTime.ofInstant(before, ZoneId.of("Asia/Kathmandu")).getYear();
    assertTrue(answer.contains(String.valueOf(year)), answer);
    List<FakeLlamaApiRequest> chats = chats();
    JsonNode first = chats.get(chats.size() - 2).body();
    JsonNode second = chats.getLast().body();
    assertTrue(toolNames(first).contains("current_time"), toolNames(first).toString());
    assertEquals(
        "tool",
        second.path("messages").path(second.path("messages").size() - 1).path("role").asText());
    assertEquals(
        "Tool said: " + answer.substring("Tool said: ".length()),
        storedAnswer(),
        "the stored answer is the model's text, without the step lines");
  }

  @Test
  void aCallPrintedAsJsonTextIsRunLikeARealOne() {
    ask("What day is it? [[tool-text:current_time]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.text().contains("Using `current_time`"), reply.text());
    assertTrue(reply.text().contains("Tool said: "), reply.text());
    assertFalse(reply.text().contains("\"parameters\""), reply.text());
    assertTrue(
        reply.updates().stream().noneMatch(update -> update.contains("\"name\"")),
        "the JSON was never shown: " + reply.updates());
  }

  @Test
  void aToolsRefusalIsToldToTheModelAndTheUser() {
    ask("Check the ledger [[tool:" + TestTools.BROKEN + "]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(
        reply.text().contains("_`" + TestTools.BROKEN + "` failed: " + TestTools.REFUSAL + "_"),
        reply.text());
    assertTrue(reply.text().contains("Tool said: Error: " + TestTools.REFUSAL), reply.text());
  }

  @Test
  void aToolThatTakesTooLongIsAbandonedAndSaidSo() {
    long started = System.nanoTime();
    ask("Be quick [[tool:" + TestTools.SLOW + "]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(15)) < 0,
        "the call was not waited out");
    String said = TestTools.SLOW + " did not answer within 300 ms.";
    assertTrue(reply.text().contains("failed: " + said), reply.text());
    assertTrue(reply.text().contains("Tool said: Error: " + said), reply.text());
    assertTrue(toolCalls(TestTools.SLOW, "timeout") >= 1, "counted as a timeout");
  }

  @Test
  void aVeryLongResultIsCutBeforeItReachesTheModel() {
    ask("Read it all [[tool:" + TestTools.LONG + "]]");

    Delivery reply = harness.replies.next(WAIT);

    String sent =
        chats()
            .getLast()
            .body()
            .path("messages")
            .path(chats().getLast().body().path("messages").size() - 1)
            .path("content")
            .asText();
    assertTrue(sent.startsWith("x".repeat(ToolLoop.MAX_RESULT_CHARS) + "\n[The rest"), "cut");
    int rest = TestTools.LONG_CHARS - ToolLoop.MAX_RESULT_CHARS;
    assertTrue(sent.endsWith(rest + " characters, was cut.]"), sent.substring(sent.length() - 80));
    assertFalse(reply.failed());
    assertTrue(toolCalls(TestTools.LONG, "ok") >= 1, "counted as ok");
  }

  @Test
  void aToolThatThrowsUnexpectedlyGivesAShortErrorNotTheException() {
    ask("Try it [[tool:" + TestTools.CRASHING + "]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(
        reply.text().contains("Tool said: Error: " + TestTools.CRASHING + " failed"), reply.text());
    assertFalse(reply.text().contains("IllegalStateException"), reply.text());
    assertFalse(reply.text().contains("a bug in the tool"), reply.text());
  }

  @Test
  void theStepBoundEndsTheLoopWithAnAnswerFromAModelOfferedNoTools() {
    ask("Again and again [[tool-always:" + TestTools.ECHO + "]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.text().contains("No more tools. Results seen: 2"), reply.text());
    assertTrue(reply.text().contains("_Stopped using tools after 2 steps._"), reply.text());
    assertEquals(
        2,
        reply.text().lines().filter(line -> line.contains("Using `" + TestTools.ECHO)).count(),
        reply.text());
    assertTrue(chats().getLast().body().path("tools").isMissingNode(), "no tools offered last");
  }

  @Test
  void aSideEffectingToolIsOfferedButNotRunBeforeTheAskerConfirms() {
    TestTools tools = harness.context.getBean(TestTools.class);
    int callsBefore = tools.calls();
    ask("Delete my note [[tool:" + TestTools.DELETE + " {\"note\":\"groceries\"}]]");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(
        reply
            .text()
            .endsWith(
                "Cria wants to run `"
                    + TestTools.DELETE
                    + "` with `{\"note\":\"groceries\"}`. Run it?"),
        reply.text());
    List<String> offered = toolNames(chats().getLast().body());
    assertTrue(offered.contains(TestTools.ECHO), offered.toString());
    assertTrue(offered.contains(TestTools.DELETE), offered.toString());
    assertEquals(callsBefore, tools.calls(), "not run before the click");
  }

  @Test
  void aModelThatNeverAsksForAToolStillSeesTheToolsAndAnswersPlainly() {
    ask("Just chat");

    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.text().startsWith("Echo: "), reply.text());
    assertFalse(toolNames(chats().getLast().body()).isEmpty());
  }

  private void ask(String text) {
    harness.service.accept(message(thread, thread.thread() + "-" + UUID.randomUUID(), text));
  }

  private double toolCalls(String tool, String outcome) {
    var counter =
        harness
            .context
            .getBean(io.micrometer.core.instrument.MeterRegistry.class)
            .find("cria.tool.calls")
            .tags("tool", tool, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private List<FakeLlamaApiRequest> chats() {
    return harness.llama.requests(FakeLlamaApi.CHAT);
  }

  private static List<String> toolNames(JsonNode body) {
    return java.util.stream.StreamSupport.stream(body.path("tools").spliterator(), false)
        .map(tool -> tool.path("function").path("name").asText())
        .toList();
  }

  private String storedAnswer() {
    return harness.context.getBean(ChatMessageRepository.class).findAll().stream()
        .filter(row -> row.conversationKey().equals(thread.toString()))
        .filter(row -> row.role().equals(ChatMessageRow.ASSISTANT))
        .map(ChatMessageRow::content)
        .reduce((a, b) -> b)
        .orElse("");
  }
}

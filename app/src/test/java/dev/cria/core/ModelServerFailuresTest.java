package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.persistence.ModerationDecisionRepository;
import dev.cria.persistence.ModerationDecisionRow;
import dev.cria.testing.CapturedLogs;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a model server does wrong, and Llama Guard's verdicts, through the whole pipeline against an
 * Ollama-shaped fake with only {@code LLAMA_BASE_URL} set (plus {@code CRIA_MODERATION_ALLOW} for
 * the allow list): each failure ends in a short, specific reply and one warning with the event id;
 * nothing half-written is stored as the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelServerFailuresTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private PipelineHarness harness;
  private ConversationKey thread;

  @BeforeAll
  void start() {
    harness = PipelineHarness.start(Map.of("cria.llama.moderation-allow", "S6"));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void newThread() {
    thread = ConversationKey.parse("slack:T1:C1:" + UUID.randomUUID().toString().substring(0, 8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed SSE|broken/chat-stream-malformed.sse|couldn't read",
        "closed mid-stream|broken/chat-stream-cut.sse|stopped in the middle",
        "200 with an HTML page|broken/portal.html|web page instead of an answer",
      })
  void aBrokenAnswerEndsInASpecificReplyAndOneLoggedLine(
      String what, String fixture, String expected) {
    try (CapturedLogs logs = new CapturedLogs()) {
      String eventId = accept("q", "Tell me [[fixture:" + fixture + "]]");
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed(), what);
      assertTrue(reply.text().contains(expected), reply.text());
      assertTrue(reply.text().matches("(?s).*error id [0-9a-f]{8}.*"), reply.text());
      assertEquals(1, logs.warningsAbout(eventId).size(), "one warning with the event id");
      assertTrue(storedAnswers().isEmpty(), "a broken answer was stored: " + storedAnswers());
    }
  }

  @Test
  void aPlainText404TellsTheOperatorToCheckTheBaseUrl() {
    String withoutV1 = harness.llama.baseUrl().replace("/v1", "");
    Map<String, Object> properties =
        new java.util.HashMap<>(dev.cria.persistence.TestDatabases.h2());
    properties.put("cria.llama.base-url", withoutV1);
    properties.put("cria.llama.moderation", "off");
    try (PipelineHarness wrongUrl = PipelineHarness.start(FakeLlamaApi.ollama(), properties);
        CapturedLogs logs = new CapturedLogs()) {
      wrongUrl.service.accept(message(thread, "e404", "Hello?"));
      Delivery reply = wrongUrl.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("LLAMA_BASE_URL"), reply.text());
      assertTrue(reply.text().contains("404"), reply.text());
      assertEquals(1, logs.warningsAbout("e404").size());
    }
  }

  @Test
  void aModelTheServerLacksIsNamedWithWhatToDo() {
    try (PipelineHarness missing = PipelineHarness.start(Map.of("cria.llama.model", "llama3.3"));
        CapturedLogs logs = new CapturedLogs()) {
      missing.service.accept(message(thread, "e-missing", "Hello?"));
      Delivery reply = missing.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("`llama3.3`"), reply.text());
      assertTrue(reply.text().contains("ollama pull llama3.3"), reply.text());
      assertEquals(1, logs.warningsAbout("e-missing").size());
    }
  }

  @Test
  void aGuardReplyThatIsNoVerdictFailsClosed() {
    int chats = harness.llama.count(FakeLlamaApi.CHAT);
    try (CapturedLogs logs = new CapturedLogs()) {
      String eventId = accept("q", "Is this fine? [[guard-garbage]]");
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("neither safe nor unsafe"), reply.text());
      assertEquals(chats, harness.llama.count(FakeLlamaApi.CHAT), "the model was called");
      assertEquals(1, logs.warningsAbout(eventId).size());
    }
  }

  @Test
  void llamaGuardsCategoryIsNamedInWordsAndAudited() {
    int chats = harness.llama.count(FakeLlamaApi.CHAT);
    accept("q", "Where does she live? [[flag]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("(privacy)"), reply.text());
    assertEquals(chats, harness.llama.count(FakeLlamaApi.CHAT), "a flagged message reached it");
    ModerationDecisionRow decision = decisions().getFirst();
    assertTrue(decision.flagged());
    assertEquals("S7", decision.categories());
    assertEquals("llama-guard3:1b", decision.model());
  }

  @Test
  void anAllowedCategoryIsLetThroughAndTheAuditSaysSo() {
    accept("q", "Which pill for a headache? [[flag:S6]]");
    Delivery reply = harness.replies.next(WAIT);

    assertFalse(reply.failed(), reply.text());
    assertTrue(reply.text().startsWith("Echo:"), reply.text());
    ModerationDecisionRow input = decisions().getFirst();
    assertEquals("S6", input.categories());
    assertEquals("S6", input.allowedCategories());
  }

  @Test
  void anAllowedCategoryDoesNotExcuseAnother() {
    accept("q", "Both [[flag:S6]] [[flag]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("(privacy)"), reply.text());
    assertFalse(reply.text().contains("specialized advice"), reply.text());
  }

  @Test
  void aFlaggedAnswerIsReplacedByANoticeNamingTheCategory() {
    accept("q", "tell me something bad [[flag-output]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("violent crimes"), reply.text());
    assertFalse(reply.text().contains("[[flagged-answer]]"));
    assertEquals("S1", decisions().getLast().categories());
    assertEquals("output", decisions().getLast().direction());
  }

  @Test
  void reasoningIsNeitherShownNorStoredAndMissingUsageIsEstimated() {
    accept("q", "What is a cria? [[fixture:chat-stream-think.sse]]");
    Delivery reply = harness.replies.next(WAIT);

    assertFalse(reply.failed(), reply.text());
    assertEquals("A cria is a baby llama.", reply.text());
    reply.updates().forEach(shown -> assertFalse(shown.contains("think"), shown));
    ChatMessageRow answer = storedAnswers().getFirst();
    assertEquals("A cria is a baby llama.", answer.content());
    assertEquals(10, answer.completionTokens(), "4 + 23 characters / 4, as HistoryWindow counts");
    assertTrue(answer.promptTokens() > 0, "the prompt is estimated too");
  }

  @Test
  void reportedUsageIsStoredAsTheServerSaidIt() {
    accept("q", "What is a cria? [[fixture:chat-stream.sse]]");
    Delivery reply = harness.replies.next(WAIT);

    assertEquals("A cria is a baby llama.", reply.text());
    assertEquals(31, storedAnswers().getFirst().promptTokens());
    assertEquals(8, storedAnswers().getFirst().completionTokens());
  }

  private String accept(String id, String text) {
    String eventId = thread.thread() + "-" + id;
    harness.service.accept(message(thread, eventId, text));
    return eventId;
  }

  private List<ModerationDecisionRow> decisions() {
    return harness
        .context
        .getBean(ModerationDecisionRepository.class)
        .findByConversationKeyOrderById(thread.toString());
  }

  private List<ChatMessageRow> storedAnswers() {
    return harness.context.getBean(ChatMessageRepository.class).findAll().stream()
        .filter(row -> row.conversationKey().equals(thread.toString()))
        .filter(row -> ChatMessageRow.ASSISTANT.equals(row.role()))
        .toList();
  }
}

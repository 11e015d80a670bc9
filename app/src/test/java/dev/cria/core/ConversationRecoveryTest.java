package dev.cria.core;

import static dev.cria.core.ConversationPipelineTest.messageTexts;
import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaServer;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.TestDatabases;
import dev.cria.testing.Await;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, a small context budget and a missing configuration. */
class ConversationRecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ConversationKey THREAD = ConversationKey.parse("slack:T1:C3:1700000000.1");

  @Test
  void aRestartKeepsTheHistory(@TempDir Path dataDir) throws Exception {
    Map<String, Object> h2File = new HashMap<>(TestDatabases.h2());
    h2File.put(
        "datasources.default.url",
        "jdbc:h2:file:" + dataDir.resolve("cria") + ";" + TestDatabases.H2_OPTIONS);
    FakeLlamaApi llama = FakeLlamaApi.ollama();

    PipelineHarness first = PipelineHarness.start(llama, h2File);
    first.service.accept(message(THREAD, "e1", "The password hint is 'teapot'."));
    Delivery answer = first.replies.next(WAIT);
    first.stopApplication();

    try (PipelineHarness second = PipelineHarness.start(llama, h2File)) {
      second.service.accept(message(THREAD, "e2", "What was the hint?"));
      second.replies.next(WAIT);

      List<String> sent = messageTexts(llama.requests(FakeLlamaApi.CHAT).getLast());
      assertEquals(
          List.of("Ada: The password hint is 'teapot'.", answer.text(), "Ada: What was the hint?"),
          sent.subList(1, sent.size()));
      assertTrue(Files.exists(dataDir.resolve("cria.mv.db")));
    }
  }

  @Test
  void olderTurnsAreDroppedToFitTheBudgetAndTheUserIsTold() {
    try (PipelineHarness harness =
        PipelineHarness.start(Map.of("cria.conversation.context-tokens", 400))) {
      String paragraph = "This is a long message about llamas and alpacas. ".repeat(12);
      harness.service.accept(message(THREAD, "e1", "first: " + paragraph));
      harness.replies.next(WAIT);
      harness.service.accept(message(THREAD, "e2", "second: " + paragraph));
      Delivery reply = harness.replies.next(WAIT);

      List<String> sent = messageTexts(harness.llama.requests(FakeLlamaApi.CHAT).getLast());
      assertFalse(sent.stream().anyMatch(text -> text.startsWith("Ada: first")), sent.toString());
      assertTrue(sent.getLast().startsWith("Ada: second"));
      assertTrue(reply.text().contains("no longer fit"), reply.text());
    }
  }

  @Test
  void aMessageTooLongForTheBudgetIsRefusedWithItsSize() {
    try (PipelineHarness harness =
        PipelineHarness.start(Map.of("cria.conversation.context-tokens", 300))) {
      harness.service.accept(message(THREAD, "e1", "x".repeat(5000)));
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("too long"), reply.text());
      assertEquals(0, harness.llama.count(FakeLlamaApi.CHAT));
    }
  }

  @Test
  void anEventLeftByACrashedReplicaIsAnsweredOnceEditingItsPlaceholder() {
    Map<String, Object> database = TestDatabases.h2();
    FakeLlamaApi llama = FakeLlamaApi.ollama();
    long seq = crashedWhileAnswering(llama, database, "e1", "Are you still there?", null);

    try (PipelineHarness survivor = PipelineHarness.start(llama, database)) {
      Delivery reply = survivor.replies.next(WAIT);

      assertEquals("placeholder-of-dead-replica", reply.resumedFrom());
      assertTrue(reply.text().contains("Are you still there?"), reply.text());
      assertEquals(1, llama.count(FakeLlamaApi.CHAT));
      assertEquals("DONE", awaitFinished(survivor, seq));
    }
  }

  @Test
  void anAnswerStoredBeforeACrashIsDeliveredWithoutAskingTheModelAgain() {
    Map<String, Object> database = TestDatabases.h2();
    FakeLlamaApi llama = FakeLlamaApi.ollama();
    crashedWhileAnswering(
        llama, database, "e1", "What is 6 times 7?", "42, stored before the crash");

    try (PipelineHarness survivor = PipelineHarness.start(llama, database)) {
      Delivery reply = survivor.replies.next(WAIT);

      assertEquals("42, stored before the crash", reply.text());
      assertEquals(0, llama.count(FakeLlamaApi.CHAT));
    }
  }

  /**
   * On a replica that claims nothing, stores an event, then leaves it as a replica that died while
   * answering would: claimed with an expired lease, a placeholder posted, maybe its answer stored.
   */
  private static long crashedWhileAnswering(
      FakeLlamaApi llama,
      Map<String, Object> database,
      String eventId,
      String text,
      String answer) {
    Map<String, Object> idle = new HashMap<>(database);
    idle.put("cria.worker.max-in-flight", 0);
    PipelineHarness dead = PipelineHarness.start(llama, idle);
    try {
      ConversationStore store = dead.context.getBean(ConversationStore.class);
      long seq =
          dead.context
              .getBean(EventQueue.class)
              .enqueue(message(THREAD, eventId, text))
              .orElseThrow();
      InboundEventRepository events = dead.context.getBean(InboundEventRepository.class);
      Instant past = Instant.now().minusSeconds(120);
      assertEquals(1, events.claim(seq, "dead-replica", past.plusSeconds(30), past));
      assertEquals(
          1, events.recordReplyMessage(seq, "dead-replica", "placeholder-of-dead-replica"));
      if (answer != null) {
        store.saveAnswer(
            message(THREAD, eventId, text),
            seq,
            new Answer(answer, new Completion(answer, "m", "stop", 1, 1), 5, "U1", "v1"));
      }
      return seq;
    } finally {
      dead.stopApplication();
    }
  }

  /** The event's status once it left CLAIMED (the reply is delivered just before). */
  private static String awaitFinished(PipelineHarness harness, long seq) {
    InboundEventRepository events = harness.context.getBean(InboundEventRepository.class);
    return Await.value(
        WAIT,
        "event " + seq + " to leave CLAIMED",
        () ->
            Optional.of(events.findById(seq).orElseThrow().status())
                .filter(status -> !"CLAIMED".equals(status)),
        () -> "still CLAIMED");
  }

  @Test
  void withoutAKeyNoneIsSentAndAServerThatWantsOneGetsAReplyNamingLlamaApiKey() {
    Map<String, Object> properties = new java.util.HashMap<>(TestDatabases.h2());
    properties.put("cria.llama.moderation", "off");
    try (PipelineHarness harness =
        PipelineHarness.start(FakeLlamaApi.start(FakeLlamaServer.GROQ), properties)) {
      harness.service.accept(message(THREAD, "e1", "hello?"));
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("LLAMA_API_KEY"), reply.text());
      assertEquals(1, harness.llama.count(FakeLlamaApi.CHAT));
      assertEquals(
          null, harness.llama.requests(FakeLlamaApi.CHAT).getFirst().header("authorization"));
    }
  }
}

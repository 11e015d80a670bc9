package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.chat.Author;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService.Acceptance;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.ModerationDecisionRepository;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pipeline end to end: real store (H2), real Llama client, FakeLlamaApi, recorded replies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationPipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private PipelineHarness harness;
  private ConversationKey thread;

  @BeforeAll
  void start() {
    harness = PipelineHarness.start(Map.of());
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
  void answersWithTheModelsTextAndStreamsItFirst() {
    accept("e1", "What is a cria?");

    Delivery reply = harness.replies.next(WAIT);

    FakeLlamaApiRequest request = lastChat();
    assertTrue(request.streaming());
    assertTrue(request.lastUserMessage().endsWith("What is a cria?"));
    assertTrue(
        request.lastUserMessage().startsWith("Ada: "), "the author's name reaches the model");
    assertFalse(reply.failed());
    assertTrue(reply.text().contains("What is a cria?"), reply.text());
    assertFalse(reply.updates().isEmpty(), "the answer streamed before it finished");
  }

  @Test
  void aSecondTurnSendsTheFirstOneToTheModel() {
    accept("e1", "My name is Grace.");
    Delivery first = harness.replies.next(WAIT);
    accept("e2", "What is my name?");
    harness.replies.next(WAIT);

    List<String> sent = messageTexts(lastChat());

    assertEquals("system", lastChat().body().path("messages").get(0).path("role").asText());
    assertEquals(
        List.of("Ada: My name is Grace.", first.text(), "Ada: What is my name?"),
        sent.subList(1, sent.size()));
  }

  @Test
  void theMessageAStreamOpensIsRecordedSoARetryEditsIt() {
    accept("status-1", "stream into a new message please");
    harness.replies.next(WAIT);

    var events = harness.context.getBean(InboundEventRepository.class);
    String recorded =
        events.findAll().stream()
            .filter(row -> row.eventId().equals(eventId("status-1")))
            .findFirst()
            .orElseThrow()
            .replyMessageId();
    assertEquals("stream-" + eventId("status-1"), recorded);
  }

  @Test
  void theSameEventDeliveredTwiceIsAnsweredOnce() {
    int chatsBefore = harness.llama.count(FakeLlamaApi.CHAT);

    assertEquals(Acceptance.ACCEPTED, accept("e1", "hello once"));
    assertEquals(Acceptance.DUPLICATE, accept("e1", "hello once"));
    harness.replies.next(WAIT);
    accept("e2", "and a marker that the first is done");
    harness.replies.next(WAIT);

    assertEquals(chatsBefore + 2, harness.llama.count(FakeLlamaApi.CHAT));
    assertEquals(
        1, harness.replies.all().stream().filter(d -> d.address().equals(eventId("e1"))).count());
  }

  @Test
  void eventsOfOneConversationAreAnsweredOneAtATimeInOrder() {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      labels.add("q" + i);
      accept("q" + i, "question " + i);
    }

    List<Delivery> replies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      replies.add(harness.replies.next(WAIT));
    }

    assertEquals(
        labels.stream().map(this::eventId).toList(),
        replies.stream().map(Delivery::address).toList());
    // Each request saw every earlier question and answer: nothing ran concurrently.
    List<FakeLlamaApiRequest> chats = harness.llama.requests(FakeLlamaApi.CHAT);
    List<String> lastSent = messageTexts(chats.getLast());
    assertEquals(1 + 9, lastSent.size());
    assertEquals(replies.get(3).text(), lastSent.get(8));
  }

  @Test
  void anAuthorTheEventDoesNotNameIsNamedByTheWorkerAndKeptWithTheTurn() {
    harness.replies.name("U7", "Grace");
    int lookups = harness.replies.nameLookups();
    harness.service.accept(message(thread, eventId("n1"), new Author("U7", null, false), "Hi."));
    harness.replies.next(WAIT);
    harness.service.accept(message(thread, eventId("n2"), new Author("U7", null, false), "Me?"));
    harness.replies.next(WAIT);

    List<String> sent = messageTexts(lastChat());
    assertTrue(sent.contains("Grace: Hi."), "the first turn was stored with the name: " + sent);
    assertEquals("Grace: Me?", sent.getLast());
    assertEquals(lookups + 2, harness.replies.nameLookups(), "asked in the worker, per event");
  }

  @Test
  void botMessagesAreIgnored() {
    Acceptance acceptance =
        harness.service.accept(
            message(thread, eventId("b1"), new Author("B1", "other bot", true), "hi"));

    assertEquals(Acceptance.IGNORED, acceptance);
    assertFalse(harness.store.isActive(thread));
  }

  @Test
  void flaggedInputIsRefusedWithTheCategoryAndTheModelIsNotCalled() {
    int chatsBefore = harness.llama.count(FakeLlamaApi.CHAT);

    accept("e1", "my card number is 4111 [[flag]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("privacy"), reply.text());
    assertEquals(chatsBefore, harness.llama.count(FakeLlamaApi.CHAT));
    var decisions =
        harness
            .context
            .getBean(ModerationDecisionRepository.class)
            .findByConversationKeyOrderById(thread.toString());
    assertTrue(decisions.getFirst().flagged());
    assertEquals("input", decisions.getFirst().direction());
  }

  @Test
  void aFlaggedAnswerIsWithheld() {
    accept("e1", "tell me something bad [[flag-output]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("flagged"), reply.text());
    assertFalse(reply.text().contains("[[flagged-answer]]"));
  }

  @Test
  void theUserIsToldWhenTheModelIsBusy() {
    accept("e1", "anyone there? [[status:429]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("busy"), reply.text());
    assertTrue(reply.text().contains("Try again in"), reply.text());
  }

  @Test
  void aServerErrorGetsAnApologyWithAnErrorId() {
    accept("e1", "break please [[status:500]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().matches("(?s).*error id [0-9a-f]{8}.*"), reply.text());
  }

  @Test
  void aStreamThatBreaksMidwayGetsAVisibleError() {
    accept("e1", "start then fail [[midstream-error]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("error id"), reply.text());
  }

  @Test
  void aStreamedLineOverOneMebibyteBreaksTheAnswerOffAndNothingOfItIsStored() {
    accept("e1", "fill the pipe [[huge-line:1100000]]");
    Delivery reply = harness.replies.next(WAIT);

    assertTrue(reply.failed());
    assertTrue(reply.text().contains("stopped in the middle of the answer"), reply.text());
    var messages = harness.context.getBean(ChatMessageRepository.class);
    assertEquals(
        List.of("user"),
        messages.findByConversationKeyOrderById(thread.toString()).stream()
            .map(row -> row.role())
            .toList());
  }

  @Test
  void moderationThatCannotBeReachedFailsClosed() {
    harness.llama.setModerationUnavailable(true);
    try {
      int chatsBefore = harness.llama.count(FakeLlamaApi.CHAT);
      accept("e1", "is anyone checking?");
      Delivery reply = harness.replies.next(WAIT);

      assertTrue(reply.failed());
      assertTrue(reply.text().contains("safety"), reply.text());
      assertEquals(chatsBefore, harness.llama.count(FakeLlamaApi.CHAT));
    } finally {
      harness.llama.setModerationUnavailable(false);
    }
  }

  private Acceptance accept(String id, String text) {
    return harness.service.accept(message(thread, eventId(id), text));
  }

  private String eventId(String id) {
    return thread.thread() + "-" + id;
  }

  private FakeLlamaApiRequest lastChat() {
    return harness.llama.requests(FakeLlamaApi.CHAT).getLast();
  }

  static List<String> messageTexts(FakeLlamaApiRequest request) {
    List<String> texts = new ArrayList<>();
    for (JsonNode message : request.body().path("messages")) {
      JsonNode content = message.path("content");
      texts.add(content.isTextual() ? content.asText() : content.path("text").asText());
    }
    return texts;
  }
}

package dev.cria.core;

import static dev.cria.core.ConversationPipelineTest.messageTexts;
import static dev.cria.testing.TestEvents.command;
import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Addressing;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService.Acceptance;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.testing.Await;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Commands, settings and edits over the life of a conversation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private PipelineHarness harness;
  private ConversationKey thread;
  private int events;

  @BeforeAll
  void start() {
    // U1 changes channel settings here too: a listed admin (SlackAccessTest covers who may).
    harness = PipelineHarness.start(Map.of("cria.access.admins", List.of("U1")));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void newThread() {
    thread = ConversationKey.parse("slack:T1:C2:" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void resetForgetsTheConversation() {
    ask("Remember the word avocado.");
    Delivery reset = run(new Command.Reset());
    ask("Which word did I ask you to remember?");

    assertTrue(reset.text().contains("forgot 2 messages"), reset.text());
    List<String> sent = messageTexts(lastChat());
    assertEquals(
        List.of("Ada: Which word did I ask you to remember?"), sent.subList(1, sent.size()));
  }

  @Test
  void theModelCanBeSwitchedOnlyToOneTheApiOffers() {
    String other = harness.llama.models().getFirst();

    Delivery unknown = run(new Command.Model("gpt-nonsense"));
    Delivery switched = run(new Command.Model(other.toLowerCase(Locale.ROOT)));
    ask("hello");

    assertTrue(unknown.text().contains("don't know"), unknown.text());
    assertTrue(unknown.text().contains(other), "lists what is available: " + unknown.text());
    assertTrue(switched.text().contains(other), switched.text());
    assertEquals(other, lastChat().body().path("model").asText());
  }

  @Test
  void aModelNamedWithoutItsTagIsOllamasLatest() {
    Delivery switched = run(new Command.Model("llama3.1:8b"));
    Delivery untagged = run(new Command.Model("llama3.2"));
    ask("hello");

    assertTrue(switched.text().contains("llama3.1:8b"), switched.text());
    assertTrue(untagged.text().contains("`llama3.2:latest`"), untagged.text());
    assertEquals("llama3.2:latest", lastChat().body().path("model").asText());
  }

  @Test
  void aChannelModelAppliesToItsThreadsUntilAThreadChoosesItsOwn() {
    List<String> models = harness.llama.models();
    ConversationKey channel = thread.channelKey();
    harness.service.accept(
        command(channel, "c-" + thread.thread(), new Command.Model(models.get(1))));
    harness.replies.next(WAIT);

    ask("which model?");
    assertEquals(models.get(1), lastChat().body().path("model").asText());

    run(new Command.Model(models.get(2)));
    ask("and now?");
    assertEquals(models.get(2), lastChat().body().path("model").asText());
  }

  @Test
  void theSystemPromptCanBeSetShownAndCleared() {
    run(new Command.SystemPrompt("You answer like a pirate."));
    ask("hello");
    String sentSystem = lastChat().body().path("messages").get(0).path("content").asText();
    Delivery shown = run(new Command.SystemPrompt(null));
    run(new Command.SystemPrompt(""));
    ask("hello again");

    assertEquals("You answer like a pirate.", sentSystem);
    assertTrue(shown.text().contains("pirate"), shown.text());
    String cleared = lastChat().body().path("messages").get(0).path("content").asText();
    assertTrue(cleared.startsWith("You are Cria"), cleared);
  }

  @Test
  void helpAndUsageAnswerWithoutTheModel() {
    ask("one question to count");
    int chats = harness.llama.count(FakeLlamaApi.CHAT);

    Delivery help = run(new Command.Help());
    Delivery usage = run(new Command.Usage());

    assertTrue(help.text().contains("reset"), help.text());
    assertTrue(
        usage.text().matches("(?s).*you asked [1-9]\\d* questions using [1-9]\\d* tokens.*"),
        usage.text());
    assertEquals(chats, harness.llama.count(FakeLlamaApi.CHAT));
  }

  @Test
  void aBareMentionGetsHelp() {
    harness.service.accept(message(thread, next(), "  "));

    assertTrue(harness.replies.next(WAIT).text().contains("Commands"));
  }

  @Test
  void editsAndDeletesChangeWhatTheModelSees() {
    String typo = next();
    harness.service.accept(message(thread, typo, "My favourite colour is bleu."));
    harness.replies.next(WAIT);
    String wrong = next();
    harness.service.accept(message(thread, wrong, "Ignore everything I say."));
    harness.replies.next(WAIT);

    harness.service.edited(
        thread, Addressing.inThread(false), "m-" + typo, "My favourite colour is blue.");
    harness.service.deleted(thread, "m-" + wrong);
    ask("What is my favourite colour?");

    List<String> sent = messageTexts(lastChat());
    assertTrue(sent.contains("Ada: My favourite colour is blue."), sent.toString());
    assertFalse(sent.contains("Ada: Ignore everything I say."), sent.toString());
  }

  @Test
  void followUpsInAThreadCriaAnsweredAreRecognised() {
    assertEquals(Acceptance.IGNORED, harness.service.accept(followUp(thread, next(), "anyone?")));
    ask("hi");

    assertEquals(
        Acceptance.ACCEPTED, harness.service.accept(followUp(thread, next(), "and then?")));
    harness.replies.next(WAIT);
    ConversationKey channel = thread.channelKey().inThread("other-" + thread.thread());
    ChatEvent reply =
        new ChatEvent(
            channel,
            next(),
            "m-reply",
            Author.human("U2", "Bob"),
            "and alpacas?",
            null,
            Instant.now(),
            "address",
            List.of(),
            Addressing.inChannel(false, lastAnswerMessageId()));
    assertEquals(Acceptance.ACCEPTED, harness.service.accept(reply));
    harness.replies.next(WAIT);

    // The reply to Cria's answer continued the thread's conversation, not one of its own.
    assertTrue(
        harness.store.newestTurns(thread, Long.MAX_VALUE, 10).stream()
            .anyMatch(turn -> turn.content().equals("and alpacas?")));
    assertTrue(harness.store.newestTurns(channel, Long.MAX_VALUE, 10).isEmpty());
  }

  /** A message in the thread without a mention, as the adapters hand it over. */
  private static ChatEvent followUp(ConversationKey key, String eventId, String text) {
    return new ChatEvent(
        key,
        eventId,
        "m-" + eventId,
        Author.human("U1", "Ada"),
        text,
        null,
        Instant.now(),
        eventId,
        List.of(),
        Addressing.inThread(false));
  }

  /** The platform id the store records for the answer just after delivering it. */
  private String lastAnswerMessageId() {
    ChatMessageRepository messages = harness.context.getBean(ChatMessageRepository.class);
    return Await.value(
        WAIT,
        "the answer's message id recorded",
        () ->
            messages.findByConversationKeyOrderById(thread.toString()).stream()
                .filter(row -> row.role().equals("assistant") && row.platformMessageId() != null)
                .findFirst()
                .map(row -> row.platformMessageId()),
        () -> messages.findByConversationKeyOrderById(thread.toString()).toString());
  }

  private Delivery ask(String text) {
    harness.service.accept(message(thread, next(), text));
    return harness.replies.next(WAIT);
  }

  private Delivery run(Command command) {
    harness.service.accept(command(thread, next(), command));
    return harness.replies.next(WAIT);
  }

  private String next() {
    return thread.thread() + "-" + ++events;
  }

  private FakeLlamaApiRequest lastChat() {
    return harness.llama.requests(FakeLlamaApi.CHAT).getLast();
  }
}

package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.dm;
import static dev.cria.fakes.FakeSlackEvents.fixture;
import static dev.cria.fakes.FakeSlackEvents.mention;
import static dev.cria.fakes.FakeSlackEvents.threadReply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.testing.Await;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack end to end over the HTTP Events API: signed requests into the running application, the real
 * pipeline on H2 and the fake Llama API, answers into the fake Slack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackEndToEndTest {

  private SlackApplication app;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  void start() {
    app = SlackApplication.httpMode();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /** A channel of its own for each test, so tests sharing the application never interfere. */
  private String channel() {
    return "C0E2E" + ids.incrementAndGet();
  }

  private String ts() {
    return "1700001%03d.%06d".formatted(ids.incrementAndGet(), ids.get());
  }

  private String eventId() {
    return "Ev0E2E" + ids.incrementAndGet();
  }

  /** Waits for the finished answer in a thread: the first message that is no longer changing. */
  private FakeSlackMessage answer(String channel, String thread, String expectedText) {
    return app.slack.awaitMessage(
        channel,
        m -> thread.equals(m.threadTs()) && !m.streaming() && m.text().equals(expectedText));
  }

  @Test
  void mentionGetsAThreadReplyWithTheModelsText() throws Exception {
    String channel = channel();
    String ts = ts();

    var ack = app.post(mention(eventId(), channel, ts, null, "U0ADA", "What is a *llama*?"));

    assertEquals(200, ack.statusCode());
    // Posted and edited in a channel: the Markdown is rendered as Slack mrkdwn (*x* is _x_).
    FakeSlackMessage reply = answer(channel, ts, "Echo: Ada: What is a _llama_?");
    assertEquals(1, app.slack.thread(channel, ts).size());
    assertEquals(channel, reply.channel());
    FakeLlamaApiRequest request = app.llama.requests(FakeLlamaApi.CHAT).getLast();
    assertEquals("Ada: What is a *llama*?", request.lastUserMessage());
    // Only LLAMA_BASE_URL points at the Ollama-shaped fake: defaults do the rest.
    assertEquals("llama3.2", request.body().path("model").asText());
    assertEquals(null, request.header("authorization"), "no key, no Authorization header");
    var guard = app.llama.requests(FakeLlamaApi.GUARD);
    assertTrue(
        guard.stream()
            .anyMatch(
                check ->
                    check.body().path("model").asText().equals("llama-guard3:1b")
                        && check.lastUserMessage().equals("What is a *llama*?")),
        "the mention was checked by Llama Guard: " + guard);
  }

  @Test
  void aQuestionThatNeedsATimeToolGetsItsAnswerWithTheStepInTheThread() throws Exception {
    String channel = channel();
    String ts = ts();

    app.post(
        mention(eventId(), channel, ts, null, "U0ADA", "What time is it? [[tool:current_time]]"));

    FakeSlackMessage reply =
        app.slack.awaitMessage(
            channel,
            m -> ts.equals(m.threadTs()) && !m.streaming() && m.text().contains("Tool said: "));
    assertTrue(reply.text().startsWith("_Using `current_time`…_"), reply.text());
    assertTrue(reply.text().contains("time zone UTC"), reply.text());
    assertTrue(
        methodsIn(channel, "chat.postMessage", "chat.update").stream()
            .anyMatch(call -> String.valueOf(call.get("text")).contains("Using `current_time`")),
        "the step was shown in the thread while it ran");
    assertEquals(1, app.slack.thread(channel, ts).size(), "one answer in the thread");
  }

  @Test
  void aChannelMentionIsPostedAndEditedWhileADmThreadStreamsNatively() throws Exception {
    String channel = channel();
    String ts = ts();
    String dm = "D0E2E" + ids.incrementAndGet();
    String dmRoot = ts();

    app.post(mention(eventId(), channel, ts, null, "U0ADA", "Stream in the channel"));
    app.post(dm(eventId(), dm, ts(), dmRoot, "U0ADA", "Stream in the DM"));
    answer(channel, ts, "Echo: Ada: Stream in the channel");
    answer(dm, dmRoot, "Echo: Ada: Stream in the DM");

    assertEquals(List.of(), methodsIn(channel, "chat.startStream", "chat.appendStream"));
    assertTrue(methodsIn(channel, "chat.postMessage").size() == 1, "one message in the channel");
    assertEquals(1, methodsIn(dm, "chat.startStream").size(), "the DM thread streams natively");
    assertEquals(List.of(), methodsIn(dm, "chat.postMessage"));
    // The status is cleared after the last edit or stopStream, so it may come just after it.
    for (String where : List.of(channel, dm)) {
      Await.until(
          Duration.ofSeconds(10),
          "the status is cleared in " + where,
          () -> {
            var statuses = methodsIn(where, "assistant.threads.setStatus");
            return !statuses.isEmpty() && "".equals(statuses.getLast().get("status"));
          },
          () -> methodsIn(where, "assistant.threads.setStatus").toString());
    }
  }

  private List<dev.cria.fakes.FakeSlackCall> methodsIn(String channel, String... methods) {
    return app.slack.calls().stream()
        .filter(call -> List.of(methods).contains(call.method()))
        .filter(
            call -> channel.equals(call.get("channel")) || channel.equals(call.get("channel_id")))
        .toList();
  }

  @Test
  void healthShowsTheModelServerAsADetailAndStaysUp() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request = java.net.http.HttpRequest.newBuilder(app.events().resolve("/health")).build();
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
    String body = "";
    while (java.time.Instant.now().isBefore(deadline) && !body.contains("\"reachable\"")) {
      var health = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
      body = health.body();
    }

    assertTrue(body.contains("\"modelServer\""), body);
    assertTrue(body.contains("\"reachable\""), "the model server was never checked: " + body);
    assertTrue(body.contains("llama3.2:latest") && body.contains("llama-guard3:1b"), body);
  }

  @Test
  void aSecondMentionInTheThreadSendsTheEarlierTurnsToTheModel() throws Exception {
    String channel = channel();
    String root = ts();
    app.post(mention(eventId(), channel, root, null, "U0ADA", "My name is Ada."));
    answer(channel, root, "Echo: Ada: My name is Ada.");

    app.post(mention(eventId(), channel, ts(), root, "U0ADA", "What is my name?"));
    answer(channel, root, "Echo: Ada: What is my name?");

    var sent = app.llama.requests(FakeLlamaApi.CHAT).getLast().body().path("messages");
    List<String> contents = sent.findValuesAsText("content");
    assertTrue(contents.contains("Ada: My name is Ada."), contents.toString());
    assertTrue(contents.contains("Echo: Ada: My name is Ada."), contents.toString());
    assertEquals("Ada: What is my name?", contents.getLast());
  }

  @Test
  void aFollowUpWithoutMentionInCriasThreadIsAnswered() throws Exception {
    String channel = channel();
    String root = ts();
    app.post(mention(eventId(), channel, root, null, "U0ADA", "Hello"));
    answer(channel, root, "Echo: Ada: Hello");

    app.post(threadReply(eventId(), channel, ts(), root, "U0ADA", "And one more thing"));

    answer(channel, root, "Echo: Ada: And one more thing");
  }

  @Test
  void theSameEventDeliveredAgainGetsOneAnswer() throws Exception {
    String channel = channel();
    String ts = ts();
    String event = mention(eventId(), channel, ts, null, "U0ADA", "Only once, please");
    int chatsBefore = app.llama.count(FakeLlamaApi.CHAT);

    assertEquals(200, app.post(event).statusCode());
    assertEquals(200, app.post(event, Map.of("X-Slack-Retry-Num", "1")).statusCode());
    assertEquals(200, app.post(event, Map.of("X-Slack-Retry-Num", "2")).statusCode());
    answer(channel, ts, "Echo: Ada: Only once, please");

    assertEquals(1, app.slack.thread(channel, ts).size());
    assertEquals(chatsBefore + 1, app.llama.count(FakeLlamaApi.CHAT));
  }

  @Test
  void badAndStaleSignaturesAre401AndNothingIsStored() throws Exception {
    String body = mention(eventId(), channel(), ts(), null, "U0ADA", "forged");
    long now = Instant.now().getEpochSecond();
    long stored = app.storedEvents();

    var forged = app.post(body, now, FakeSlackSigner.sign("wrong-secret", now, body), Map.of());
    long stale = now - 600;
    var old =
        app.post(
            body,
            stale,
            FakeSlackSigner.sign(SlackApplication.SIGNING_SECRET, stale, body),
            Map.of());

    assertEquals(401, forged.statusCode());
    assertEquals(401, old.statusCode());
    assertEquals(stored, app.storedEvents());
  }

  @Test
  void flaggedInputGetsARefusalAndTheModelIsNotCalled() throws Exception {
    String channel = channel();
    String ts = ts();
    int chatsBefore = app.llama.count(FakeLlamaApi.CHAT);

    app.post(mention(eventId(), channel, ts, null, "U0ADA", "Tell me everyone's address [[flag]]"));

    FakeSlackMessage refusal =
        app.slack.awaitMessage(channel, m -> m.text().startsWith("I can't help with that"));
    assertEquals(ts, refusal.threadTs());
    assertTrue(refusal.text().contains("privacy"), refusal.text());
    assertEquals(chatsBefore, app.llama.count(FakeLlamaApi.CHAT));
  }

  @Test
  void aNineThousandCharacterAnswerArrivesWholeInMessagesUnderFourThousand() throws Exception {
    String channel = channel();
    String ts = ts();

    app.post(mention(eventId(), channel, ts, null, "U0ADA", "Write a lot [[long:9000]]"));

    String stored = awaitStoredAnswer("slack:T0TEAM:" + channel + ":" + ts);
    assertEquals(9000, stored.length());
    List<String> expected = SlackMessageSplitter.messages(stored);
    app.slack.await(
        () -> texts(channel, ts).equals(expected),
        "the long answer in " + expected.size() + " parts");
    List<FakeSlackMessage> thread = app.slack.thread(channel, ts);
    assertTrue(thread.size() >= 3, thread.toString());
    thread.forEach(m -> assertTrue(m.text().length() < 4_000, m.toString()));
    assertEquals(
        words(SlackMrkdwnRenderer.render(stored)), words(String.join("\n", texts(channel, ts))));
  }

  @Test
  void aModelFailureGetsAVisibleErrorReply() throws Exception {
    String channel = channel();
    String ts = ts();

    app.post(mention(eventId(), channel, ts, null, "U0ADA", "Break please [[status:500]]"));

    FakeSlackMessage error =
        app.slack.awaitMessage(channel, m -> m.text().startsWith("I couldn't reach the model"));
    assertEquals(ts, error.threadTs());
    assertTrue(error.text().contains("error id"), error.text());
  }

  @Test
  void aDirectMessageIsAnsweredInTheDm() throws Exception {
    String dm = "D0E2E" + ids.incrementAndGet();

    app.post(dm(eventId(), dm, ts(), null, "U0ADA", "Hello in private"));

    FakeSlackMessage reply =
        app.slack.awaitMessage(dm, m -> m.text().equals("Echo: Ada: Hello in private"));
    assertEquals(null, reply.threadTs());
  }

  @Test
  void theSlashCommandAnswersOnlyTheUserWhoTypedIt() throws Exception {
    String body =
        fixture("slash_command.txt")
            .replace("text=model+Llama-4-Maverick-17B-128E-Instruct-FP8", "text=help")
            .replace(
                "RESPONSE_URL",
                URLEncoder.encode(app.slack.responseUrl("help-1"), StandardCharsets.UTF_8));

    assertEquals(200, app.postForm(body).statusCode());

    app.slack.await(() -> !app.slack.commandResponses().isEmpty(), "the /cria help answer");
    var response = app.slack.calls("response_url").getFirst();
    assertEquals("ephemeral", response.get("response_type"));
    assertTrue(response.get("text").contains("reset"), response.get("text"));
  }

  @Test
  void botMessagesAreIgnored() throws Exception {
    long stored = app.storedEvents();
    int calls = app.slack.calls().size();

    assertEquals(200, app.post(fixture("bot_message.json")).statusCode());
    assertEquals(200, app.post(fixture("own_message.json")).statusCode());

    assertEquals(stored, app.storedEvents());
    assertEquals(calls, app.slack.calls().size());
  }

  private String awaitStoredAnswer(String conversation) {
    var messages = app.context.getBean(ChatMessageRepository.class);
    app.slack.await(
        () ->
            messages.findByConversationKeyOrderById(conversation).stream()
                .anyMatch(row -> row.role().equalsIgnoreCase("assistant")),
        "the stored answer of " + conversation);
    return messages.findByConversationKeyOrderById(conversation).stream()
        .filter(row -> row.role().equalsIgnoreCase("assistant"))
        .findFirst()
        .orElseThrow()
        .content();
  }

  private List<String> texts(String channel, String thread) {
    return app.slack.thread(channel, thread).stream().map(FakeSlackMessage::text).toList();
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }
}
